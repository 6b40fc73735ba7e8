package org.mapiscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link ByteLines} of a stream in an ASCII-compatible encoding, read straight from its bytes: no
 * decoding, no copy of a line that lies within the buffer. A line longer than the cap is scanned to
 * its end without being held and reported, as {@link BoundedLineReader} does, with byte counts.
 * Memory: one buffer that grows to at most the cap plus two reads.
 */
public final class ByteLineReader implements ByteLines {

  private static final int INITIAL_BUFFER = 1 << 18;

  /**
   * Bytes read from the stream at once, at most: what an inflating stream expands before its guard
   * can check the ratio again.
   */
  private static final int READ_SIZE = 1 << 16;

  private final InputStream in;
  private final Charset charset;
  private final int maxLineBytes;
  private final BoundedLineReader.Overlong overlong;
  private byte[] buf;
  private int pos;
  private int lim;
  private boolean eof;

  /** Bytes of the text before {@code buf[0]}. */
  private long bufStart;

  /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that line end. */
  private boolean afterCr;

  private long lineNo;
  private int lineOff;
  private int lineLen;

  /**
   * @param in the bytes after any BOM
   * @param charset their encoding; must be ASCII-compatible (UTF-8, windows-1252)
   */
  public ByteLineReader(
      InputStream in, Charset charset, int maxLineBytes, BoundedLineReader.Overlong overlong) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1");
    }
    this.in = Objects.requireNonNull(in, "in");
    this.charset = Objects.requireNonNull(charset, "charset");
    this.maxLineBytes = maxLineBytes;
    this.overlong = Objects.requireNonNull(overlong, "overlong");
    this.buf = new byte[Math.min(INITIAL_BUFFER, maxLineBytes + READ_SIZE)];
  }

  @Override
  public boolean next() throws IOException {
    for (; ; ) {
      if (afterCr) {
        afterCr = false;
        if ((pos < lim || fill()) && buf[pos] == '\n') {
          pos++;
        }
      }
      if (pos >= lim && !fill()) {
        return false;
      }
      lineNo++;
      long lineStart = bufStart + pos;
      int end = lineEnd(pos);
      while (end == lim && !eof) {
        if (lim - pos > maxLineBytes) {
          skipOverlong(lineStart);
          end = -1;
          break;
        }
        int scanned = lim - pos;
        fill(); // moves the line to the start of the buffer
        end = lineEnd(pos + scanned);
      }
      if (end < 0) {
        continue;
      }
      int len = end - pos;
      if (len > maxLineBytes) {
        overlong.skipped(lineNo, lineStart, len, allNuls(buf, pos, len));
        consumeLineEnd(end);
        continue;
      }
      lineOff = pos;
      lineLen = len;
      consumeLineEnd(end);
      return true;
    }
  }

  /** The first {@code \n} or {@code \r} at or after {@code from}, or {@link #lim}. */
  private int lineEnd(int from) {
    int end = ByteScan.indexOfEither(buf, from, lim, (byte) '\n', (byte) '\r');
    return end < 0 ? lim : end;
  }

  private void consumeLineEnd(int end) {
    if (end >= lim) {
      pos = lim;
      return;
    }
    pos = end + 1;
    afterCr = buf[end] == '\r';
  }

  /** Scans the rest of a line that passed the cap without holding it, and reports it. */
  private void skipOverlong(long lineStart) throws IOException {
    long length = lim - pos;
    boolean onlyNuls = allNuls(buf, pos, lim - pos);
    pos = lim;
    while (fill()) {
      int end = lineEnd(pos);
      length += end - pos;
      onlyNuls = onlyNuls && allNuls(buf, pos, end - pos);
      if (end < lim) {
        consumeLineEnd(end);
        break;
      }
      pos = lim;
    }
    overlong.skipped(lineNo, lineStart, length, onlyNuls);
  }

  /**
   * Keeps the unread bytes {@code buf[pos..lim)} at the start of the buffer and reads more after
   * them; false at the end of the stream.
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int keep = lim - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, keep);
      bufStart += pos;
      pos = 0;
      lim = keep;
    }
    if (buf.length - lim < READ_SIZE) {
      buf =
          Arrays.copyOf(
              buf,
              Math.max(Math.min(buf.length * 2, maxLineBytes + 2 * READ_SIZE), lim + READ_SIZE));
    }
    int n;
    do {
      n = in.read(buf, lim, READ_SIZE);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    lim += n;
    return true;
  }

  private static boolean allNuls(byte[] a, int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public byte[] array() {
    return buf;
  }

  @Override
  public int offset() {
    return lineOff;
  }

  @Override
  public int length() {
    return lineLen;
  }

  @Override
  public long lineNumber() {
    return lineNo;
  }

  @Override
  public int maxLineBytes() {
    return maxLineBytes;
  }

  @Override
  public Charset charset() {
    return charset;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
