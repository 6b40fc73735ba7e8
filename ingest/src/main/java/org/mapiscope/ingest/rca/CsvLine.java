package org.mapiscope.ingest.rca;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.mapiscope.ingest.ByteScan;

/**
 * Splits one RCA log line into fields in place, on its undecoded bytes: only the fields a row needs
 * become strings, and a {@link FieldCache} turns repeated values into the same string without
 * decoding them again. RCA logs are the bulk of the evidence (gigabytes per server); docs/ingest.md
 * has the measurements. Quoting is RFC 4180: a field in double quotes may hold commas and doubled
 * quotes. The bytes must be in an ASCII-compatible charset, where a comma or a quote is never part
 * of a multi-byte character. Not thread-safe.
 */
final class CsvLine {

  private final Charset charset;
  private byte[] line;
  private int count;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quoted = new boolean[32];
  private boolean unterminated;

  CsvLine(Charset charset) {
    this.charset = charset;
  }

  /** Splits {@code length} bytes of {@code text} from {@code offset}; they must stay unchanged. */
  void split(byte[] text, int offset, int length) {
    line = text;
    count = 0;
    unterminated = false;
    int n = offset + length;
    int i = offset;
    while (true) {
      if (count == starts.length) {
        grow();
      }
      if (i < n && text[i] == '"') {
        int start = i + 1;
        int j = start;
        boolean closed = false;
        while (j < n) {
          j = ByteScan.indexOf(text, j, n, (byte) '"');
          if (j < 0) {
            j = n;
            break;
          }
          if (j + 1 < n && text[j + 1] == '"') {
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        starts[count] = start;
        ends[count] = j;
        quoted[count] = true;
        count++;
        if (!closed) {
          unterminated = true;
          return;
        }
        i =
            indexOfComma(
                text, j + 1, n); // anything between the closing quote and the comma is dropped
      } else {
        int comma = indexOfComma(text, i, n);
        starts[count] = i;
        ends[count] = comma < 0 ? n : comma;
        quoted[count] = false;
        count++;
        i = comma;
      }
      if (i < 0) {
        return;
      }
      i++;
    }
  }

  private static int indexOfComma(byte[] text, int from, int to) {
    return ByteScan.indexOf(text, from, to, (byte) ',');
  }

  int count() {
    return count;
  }

  /** True when the line ended inside a quoted field: the record goes on on the next line. */
  boolean unterminated() {
    return unterminated;
  }

  /** Field {@code i} as text; empty string when the field is empty or absent ({@code i < 0}). */
  String field(int i) {
    if (isEmpty(i)) {
      return "";
    }
    return decode(starts[i], ends[i], quoted[i]);
  }

  /** Bytes {@code from..to} of the line as text, a quoted field's doubled quotes made single. */
  String decode(int from, int to, boolean quotedField) {
    String value = new String(line, from, to - from, charset);
    return quotedField && value.indexOf('"') >= 0 ? value.replace("\"\"", "\"") : value;
  }

  /** Field {@code i} through {@code cache}: the value derived from its text, computed once. */
  <T> T cached(int i, FieldCache<T> cache) {
    if (isEmpty(i)) {
      return cache.get(this, 0, 0, false);
    }
    return cache.get(this, starts[i], ends[i], quoted[i]);
  }

  /** The bytes of the line last split: valid while the caller keeps them unchanged. */
  byte[] bytes() {
    return line;
  }

  int start(int i) {
    return i < 0 || i >= count ? 0 : starts[i];
  }

  int end(int i) {
    return i < 0 || i >= count ? 0 : ends[i];
  }

  boolean quoted(int i) {
    return i >= 0 && i < count && quoted[i];
  }

  boolean isEmpty(int i) {
    return i < 0 || i >= count || starts[i] == ends[i];
  }

  private void grow() {
    int size = starts.length * 2;
    starts = Arrays.copyOf(starts, size);
    ends = Arrays.copyOf(ends, size);
    quoted = Arrays.copyOf(quoted, size);
  }
}
