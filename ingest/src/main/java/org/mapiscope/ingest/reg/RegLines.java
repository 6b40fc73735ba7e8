package org.mapiscope.ingest.reg;

import java.io.IOException;
import org.mapiscope.ingest.BoundedLineReader;

/**
 * The logical lines of a .reg file: a line ending in a backslash (regedit wraps long hex data with
 * {@code ,\} and indents the rest) is joined with the next. Blank lines and {@code ;} comments are
 * dropped. Not thread-safe.
 */
final class RegLines {

  /** One logical line and the physical line it starts on. */
  record Line(long number, String text) {}

  /** Joined lines are capped: a runaway continuation must not grow without bound. */
  private static final int MAX_LOGICAL_CHARS = 1 << 20;

  private final BoundedLineReader reader;
  private long physical;

  RegLines(BoundedLineReader reader) {
    this.reader = reader;
  }

  /** The next logical line, or {@code null} at the end. */
  Line next() throws IOException {
    String raw;
    while ((raw = reader.readLine()) != null) {
      physical = reader.lineNumber();
      String text = raw.strip();
      if (text.isEmpty() || text.startsWith(";")) {
        continue;
      }
      long start = physical;
      StringBuilder joined = null;
      while (text.endsWith("\\") && !text.startsWith("[") && !endsInsideString(text)) {
        String next = reader.readLine();
        if (next == null) {
          break;
        }
        physical = reader.lineNumber();
        if (joined == null) {
          joined = new StringBuilder(text.length() * 2);
        }
        joined.setLength(0);
        joined.append(text, 0, text.length() - 1).append(next.strip());
        text =
            joined.length() > MAX_LOGICAL_CHARS
                ? joined.substring(0, MAX_LOGICAL_CHARS)
                : joined.toString();
      }
      return new Line(start, text);
    }
    return null;
  }

  /**
   * A string value ending in {@code \"} or {@code \\"} is not a continuation; only data after '='
   * outside quotes is.
   */
  private static boolean endsInsideString(String text) {
    int eq = RegValue.assignment(text);
    return eq >= 0 && eq + 1 < text.length() && text.charAt(eq + 1) == '"';
  }
}
