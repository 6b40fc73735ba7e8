package org.mapiscope.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Objects;
import org.mapiscope.model.EvidenceRef;

/**
 * The lines of a text, each at most {@link #maxLineChars()} characters: the one line reader every
 * text format reads through. A longer line (a log padded with NULs after a crash, a runaway line)
 * is skipped to its end without being held: its first characters are dropped as soon as it passes
 * the cap, the rest is only scanned for the line end, and the {@link Overlong} listener hears its
 * line number, start offset and length. Memory: one 64 KiB buffer plus at most {@code maxLineChars}
 * characters for the current line, whatever the input.
 *
 * <p>Line ends are those of {@link java.io.BufferedReader#readLine()}: {@code \n}, {@code \r\n},
 * {@code \r}. Line numbers count every physical line, the skipped ones too. {@link #asReader()}
 * gives the same bounded text as a {@link Reader} (for CSV parsers), line ends kept as written and
 * an over-long line reduced to its line end, so line numbers stay right. Not thread-safe.
 */
public final class BoundedLineReader implements Closeable {

  /**
   * The documented cap: 1 MiB characters per line. No known evidence format writes lines near it.
   */
  public static final int MAX_LINE_CHARS = 1 << 20;

  /** Hears about each line that was longer than the cap and was skipped. */
  @FunctionalInterface
  public interface Overlong {
    /**
     * @param line 1-based physical line number
     * @param offset 0-based character offset of the line's start in the decoded text
     * @param chars the line's length in characters, without its line end
     * @param onlyNuls whether every character of it was NUL (the padding a crash leaves in a log)
     */
    void skipped(long line, long offset, long chars, boolean onlyNuls);
  }

  private static final char[] NONE = {};
  private static final char[] LF = {'\n'};
  private static final char[] CR = {'\r'};
  private static final char[] CRLF = {'\r', '\n'};

  private final Reader in;
  private final int maxLineChars;
  private final Overlong overlong;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;

  /** Characters of the text before {@code buf[0]}. */
  private long bufStart;

  private char[] line = new char[256];
  private int lineLen;
  private long lineNo;

  /**
   * The current line: a slice of {@link #buf} or of {@link #line}, valid until the next line is
   * read.
   */
  private char[] src = NONE;

  private int srcOff;
  private int srcLen;
  private char[] terminator = NONE;

  /** Set by the reader view: a skipped line is handed over as an empty line (its line end kept). */
  private boolean skippedAsEmpty;

  public BoundedLineReader(Reader in, int maxLineChars, Overlong overlong) {
    if (maxLineChars < 1) {
      throw new IllegalArgumentException("maxLineChars must be at least 1");
    }
    this.in = Objects.requireNonNull(in, "in");
    this.maxLineChars = maxLineChars;
    this.overlong = Objects.requireNonNull(overlong, "overlong");
  }

  /** With the documented cap {@link #MAX_LINE_CHARS}. */
  public BoundedLineReader(Reader in, Overlong overlong) {
    this(in, MAX_LINE_CHARS, overlong);
  }

  /** A listener that reports each skipped line as a skipped record of {@code file} at its line. */
  public static Overlong reportingTo(ReadContext context, String file) {
    return reportingTo(context, file, "character");
  }

  /**
   * {@link #reportingTo(ReadContext, String)} for a reader whose offsets and lengths count {@code
   * unit}s ({@code "character"}, {@code "byte"}).
   */
  public static Overlong reportingTo(ReadContext context, String file, String unit) {
    return (line, offset, length, onlyNuls) ->
        context.skip(EvidenceRef.line(file, line), message(offset, length, onlyNuls, unit));
  }

  /**
   * Why a line was skipped, e.g. {@code line of 52,428,800 characters (from character 4,096),
   * longer than …}.
   */
  public static String message(long offset, long chars, boolean onlyNuls) {
    return message(offset, chars, onlyNuls, "character");
  }

  /** {@link #message(long, long, boolean)} counted in {@code unit}s. */
  public static String message(long offset, long length, boolean onlyNuls, String unit) {
    return String.format(
        Locale.ROOT,
        "line of %,d %ss (from %s %,d), longer than the %,d a line may have:"
            + " skipped to its end without reading it%s",
        length,
        unit,
        unit,
        offset,
        MAX_LINE_CHARS,
        onlyNuls ? " (only NUL " + unit + "s, as a crash leaves in a log)" : "");
  }

  /** The next line within the cap, without its line end, or {@code null} at the end of the text. */
  public String readLine() throws IOException {
    return next() ? new String(src, srcOff, srcLen) : null;
  }

  /**
   * The physical line number of the line last returned (skipped lines count too); 0 before the
   * first.
   */
  public long lineNumber() {
    return lineNo;
  }

  /** The most characters a line may have. */
  public int maxLineChars() {
    return maxLineChars;
  }

  /** The characters this reader holds for lines now: never more than {@link #maxLineChars()}. */
  public int lineCapacity() {
    return line.length;
  }

  /**
   * The text as a reader: every line within the cap with its line end; a skipped line leaves only
   * its line end.
   */
  public Reader asReader() {
    skippedAsEmpty = true;
    return new Reader() {
      private int at;
      private int termAt;
      private boolean ready;
      private boolean ended;

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
          return 0;
        }
        int n = 0;
        while (n < len) {
          if (!ready) {
            if (ended || n > 0 && !hasBuffered()) {
              break; // hand over what we have rather than block on the next line
            }
            if (!next()) {
              ended = true;
              break;
            }
            at = 0;
            termAt = 0;
            ready = true;
          }
          if (at < srcLen) {
            int k = Math.min(len - n, srcLen - at);
            System.arraycopy(src, srcOff + at, cbuf, off + n, k);
            at += k;
            n += k;
          } else if (termAt < terminator.length) {
            cbuf[off + n++] = terminator[termAt++];
          } else {
            ready = false;
          }
        }
        return n == 0 && ended ? -1 : n;
      }

      @Override
      public void close() throws IOException {
        BoundedLineReader.this.close();
      }
    };
  }

  private boolean hasBuffered() {
    return pos < lim;
  }

  /**
   * Reads the next line within the cap into {@link #src}; skipped lines are reported and passed
   * over, or, for {@link #asReader()}, handed over empty with their line end (so CSV line numbers
   * stay right).
   */
  private boolean next() throws IOException {
    for (; ; ) {
      if (pos >= lim && !fill()) {
        return false;
      }
      lineNo++;
      long lineStart = bufStart + pos;
      lineLen = 0;
      long length = 0;
      boolean over = false;
      boolean onlyNuls = true;
      boolean direct = false;
      terminator = NONE;
      for (; ; ) {
        if (pos >= lim && !fill()) {
          break;
        }
        int start = pos;
        int i = pos;
        while (i < lim) {
          char c = buf[i];
          if (c == '\n' || c == '\r') {
            break;
          }
          i++;
        }
        int n = i - start;
        length += n;
        pos = i;
        boolean ended = i < lim;
        if (!over) {
          if ((long) lineLen + n > maxLineChars) {
            over = true;
            onlyNuls = allNuls(line, 0, lineLen) && allNuls(buf, start, n);
            lineLen = 0;
          } else if (ended && lineLen == 0) {
            src = buf;
            srcOff = start;
            srcLen = n;
            direct = true;
          } else {
            append(start, n);
          }
        } else if (onlyNuls) {
          onlyNuls = allNuls(buf, start, n);
        }
        if (ended) {
          char c = buf[pos++];
          if (c == '\n') {
            terminator = LF;
          } else {
            if (pos >= lim) {
              if (direct) {
                append(srcOff, srcLen); // the buffer is about to be refilled
                direct = false;
              }
              fill();
            }
            if (pos < lim && buf[pos] == '\n') {
              pos++;
              terminator = CRLF;
            } else {
              terminator = CR;
            }
          }
          break;
        }
      }
      if (over) {
        overlong.skipped(lineNo, lineStart, length, onlyNuls);
        if (skippedAsEmpty) {
          src = NONE;
          srcOff = 0;
          srcLen = 0;
          return true;
        }
        continue;
      }
      if (!direct) {
        src = line;
        srcOff = 0;
        srcLen = lineLen;
      }
      return true;
    }
  }

  private void append(int start, int n) {
    int need = lineLen + n;
    if (need > line.length) {
      line =
          java.util.Arrays.copyOf(
              line, (int) Math.min(maxLineChars, Math.max(need, 2L * line.length)));
    }
    System.arraycopy(buf, start, line, lineLen, n);
    lineLen = need;
  }

  private static boolean allNuls(char[] a, int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean fill() throws IOException {
    bufStart += lim;
    pos = 0;
    lim = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
