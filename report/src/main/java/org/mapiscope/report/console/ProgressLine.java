package org.mapiscope.report.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One self-overwriting stderr line while evidence is read: files and bytes done, rate, ETA. The CLI
 * shows it only on a terminal and feeds it from its reader callbacks; redraws are throttled so
 * millions of callbacks cost nothing. Thread-safe (callbacks may come from workers).
 */
public final class ProgressLine {

  private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();

  private final PrintStream err;
  private long lastDrawn = Long.MIN_VALUE;
  private int lastWidth;

  public ProgressLine(PrintStream err) {
    this.err = err;
  }

  /** Redraws when 200 ms passed since the last drawing, and always at the end. */
  public synchronized void update(
      long filesDone, long filesTotal, long bytesDone, long bytesTotal, Duration elapsed) {
    long now = elapsed.toNanos();
    boolean done = filesDone >= filesTotal;
    if (!done && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    String line = render(filesDone, filesTotal, bytesDone, bytesTotal, elapsed);
    // Pad over the remains of a longer previous line.
    err.print("\r" + ConsoleFormat.pad(line, lastWidth));
    err.flush();
    lastWidth = line.length();
  }

  /** Clears the line so the summary starts on a clean one. */
  public synchronized void finish() {
    if (lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }

  /** The text of one progress line, without the carriage return. */
  static String render(
      long filesDone, long filesTotal, long bytesDone, long bytesTotal, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    double rate = seconds > 0 ? bytesDone / seconds : 0;
    String eta =
        rate > 0 && bytesTotal > bytesDone
            ? clock((long) ((bytesTotal - bytesDone) / rate))
            : "--:--";
    return String.format(
        Locale.ROOT,
        "Reading %d/%d files  %s/%s  %s/s  ETA %s",
        filesDone,
        filesTotal,
        mb(bytesDone),
        mb(bytesTotal),
        mb((long) rate),
        filesDone >= filesTotal ? "0:00" : eta);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  private static String clock(long seconds) {
    return seconds >= 3600
        ? String.format(
            Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
