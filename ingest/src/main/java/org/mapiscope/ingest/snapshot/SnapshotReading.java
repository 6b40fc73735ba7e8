package org.mapiscope.ingest.snapshot;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.FileNameTimes;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LogonSnapshot;

/**
 * Reads a logon snapshot table into {@link LogonSnapshot}s. Snapshots carry no capture time, so it
 * is found (docs/domain.md) from a capture-time column, else a timestamp in the file name, else the
 * newest last-access time in the file, and {@code timeSource} says which. That, and deciding the
 * file's date culture, needs every row before the first is emitted: rows are held up to {@link
 * #MAX_HELD_ROWS} ({@link #MAX_HELD_CHARS} characters); a bigger file is read again instead of
 * held.
 */
final class SnapshotReading {

  static final int MAX_HELD_ROWS = 100_000;

  /**
   * Nor more than this many characters of field values (rows of long values are read again
   * instead).
   */
  static final long MAX_HELD_CHARS = 16L << 20;

  /** Columns collection scripts add for the capture time, in preference order. */
  static final List<String> CAPTURE_COLUMNS =
      List.of("CaptureTime", "SnapshotTime", "CollectionTime", "CollectedAt", "Timestamp");

  /** One logon as a format reads it, before the capture time is known. */
  record Logon(
      String server,
      String user,
      String dn,
      Instant logonTime,
      Instant lastAccess,
      String clientIp,
      String clientName,
      String clientVersion,
      String clientMode,
      String mailbox) {}

  private SnapshotReading() {}

  static void read(InputFile input, ReadContext context, LogonColumns columns) throws IOException {
    try {
      readRows(input, context, columns);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // a second reading of a large file failed
    }
  }

  private static void readRows(InputFile input, ReadContext context, LogonColumns columns)
      throws IOException {
    SnapshotDates dates = new SnapshotDates(context.timezone());
    // A collection script's capture-time column may be written in another culture than the
    // export's own columns.
    SnapshotDates captureDates = new SnapshotDates(context.timezone());
    List<SnapshotTable.Row> held = new ArrayList<>();
    boolean overflow = false;
    String captureColumn = null;
    long heldChars = 0;
    try (SnapshotTable table =
        new SnapshotTable(input, BoundedLineReader.reportingTo(context, input.displayPath()))) {
      captureColumn = CAPTURE_COLUMNS.stream().filter(table::has).findFirst().orElse(null);
      for (SnapshotTable.Row row : table) {
        for (String c : columns.dateColumns()) {
          dates.observe(row.get(c));
        }
        if (captureColumn != null) {
          captureDates.observe(row.get(captureColumn));
        }
        if (!overflow) {
          heldChars += row.fields().stream().mapToLong(String::length).sum();
        }
        if (!overflow && held.size() < MAX_HELD_ROWS && heldChars <= MAX_HELD_CHARS) {
          held.add(row);
        } else if (!overflow) {
          overflow = true;
          held.clear();
        }
      }
    }
    Rows rows = new Rows(input, overflow ? null : held);
    String file = input.displayPath();
    Instant fixed = null;
    String source;
    if (captureColumn != null) {
      source = "column " + captureColumn;
    } else {
      Optional<Instant> named = FileNameTimes.find(file, context.timezone());
      if (named.isPresent()) {
        fixed = named.get();
        source = "file name";
      } else {
        fixed = newestLastAccess(rows, columns, dates, input.serverHint());
        source = "newest " + columns.lastAccess();
      }
    }
    for (SnapshotTable.Row row : rows) {
      EvidenceRef ref = EvidenceRef.line(file, row.line());
      try {
        Logon l = columns.logon(row, dates, input.serverHint());
        Instant time = captureColumn != null ? captureDates.parse(row.get(captureColumn)) : fixed;
        if (time == null) {
          context.skip(
              ref,
              captureColumn != null
                  ? captureColumn + " is empty"
                  : "no capture time: no capture-time column, no timestamp in the file name and no "
                      + columns.lastAccess()
                      + " in the file");
          continue;
        }
        context.emit(
            new LogonSnapshot(
                time,
                l.server(),
                l.user(),
                l.dn(),
                l.logonTime(),
                l.lastAccess(),
                l.clientIp(),
                l.clientName(),
                l.clientVersion(),
                l.clientMode(),
                l.mailbox(),
                source,
                ref));
      } catch (IllegalArgumentException e) {
        context.skip(ref, e.getMessage());
      }
    }
  }

  private static Instant newestLastAccess(
      Rows rows, LogonColumns columns, SnapshotDates dates, String hint) throws IOException {
    Instant newest = null;
    for (SnapshotTable.Row row : rows) {
      try {
        Instant t = columns.logon(row, dates, hint).lastAccess();
        if (t != null && (newest == null || t.isAfter(newest))) {
          newest = t;
        }
      } catch (IllegalArgumentException e) {
        // reported when the row is emitted
      }
    }
    return newest;
  }

  /** The rows, from memory when they fit, else read again from the input. */
  private static final class Rows implements Iterable<SnapshotTable.Row> {
    private final InputFile input;
    private final List<SnapshotTable.Row> held;

    Rows(InputFile input, List<SnapshotTable.Row> held) {
      this.input = input;
      this.held = held;
    }

    @Override
    public java.util.Iterator<SnapshotTable.Row> iterator() {
      if (held != null) {
        return held.iterator();
      }
      try {
        // Read again: its over-long lines were reported the first time.
        SnapshotTable table = new SnapshotTable(input, (line, offset, chars, onlyNuls) -> {});
        java.util.Iterator<SnapshotTable.Row> it = table.iterator();
        return new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            boolean more = it.hasNext();
            if (!more) {
              try {
                table.close();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
            return more;
          }

          @Override
          public SnapshotTable.Row next() {
            return it.next();
          }
        };
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
