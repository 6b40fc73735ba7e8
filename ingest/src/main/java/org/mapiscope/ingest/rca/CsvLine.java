package org.mapiscope.ingest.rca;

/**
 * Splits one RCA log line into fields without copying them: only the fields a row needs become
 * strings. RCA logs are the bulk of the evidence (gigabytes per server), and a general CSV reader
 * materialises all 17–24 fields of every row; docs/ingest.md has the measurements. Quoting is RFC
 * 4180: a field in double quotes may hold commas and doubled quotes. Not thread-safe.
 */
final class CsvLine {

  private String line;
  private int count;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quoted = new boolean[32];
  private boolean unterminated;

  /** Splits {@code text}; afterwards {@link #count()} fields are available. */
  void split(String text) {
    line = text;
    count = 0;
    unterminated = false;
    int n = text.length();
    int i = 0;
    while (true) {
      if (count == starts.length) {
        grow();
      }
      if (i < n && text.charAt(i) == '"') {
        int start = i + 1;
        int j = start;
        boolean closed = false;
        while (j < n) {
          char c = text.charAt(j);
          if (c == '"') {
            if (j + 1 < n && text.charAt(j + 1) == '"') {
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          j++;
        }
        starts[count] = start;
        ends[count] = j;
        quoted[count] = true;
        count++;
        if (!closed) {
          unterminated = true;
          return;
        }
        i = text.indexOf(',', j + 1); // anything between the closing quote and the comma is dropped
      } else {
        int comma = text.indexOf(',', i);
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

  int count() {
    return count;
  }

  /** True when the line ended inside a quoted field: the record goes on on the next line. */
  boolean unterminated() {
    return unterminated;
  }

  /** Field {@code i} as text; empty string when the field is empty or absent ({@code i < 0}). */
  String field(int i) {
    if (i < 0 || i >= count) {
      return "";
    }
    int s = starts[i];
    int e = ends[i];
    if (s == e) {
      return "";
    }
    String value = line.substring(s, e);
    return quoted[i] && value.indexOf('"') >= 0 ? value.replace("\"\"", "\"") : value;
  }

  boolean isEmpty(int i) {
    return i < 0 || i >= count || starts[i] == ends[i];
  }

  private void grow() {
    int size = starts.length * 2;
    starts = java.util.Arrays.copyOf(starts, size);
    ends = java.util.Arrays.copyOf(ends, size);
    quoted = java.util.Arrays.copyOf(quoted, size);
  }
}
