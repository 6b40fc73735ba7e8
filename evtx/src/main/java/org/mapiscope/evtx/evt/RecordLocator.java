package org.mapiscope.evtx.evt;

import java.io.IOException;

/** Finds the intact records of a log, oldest first. */
sealed interface RecordLocator permits RingWalk, ScanIndex, RecordLocator.Empty {

  /** The next intact record, or {@code null} when there are no more. */
  RawRecord next() throws IOException;

  /** A record's bytes and where it starts in the file. */
  record RawRecord(long offset, byte[] bytes) {}

  /** A log with no room for records. */
  final class Empty implements RecordLocator {
    @Override
    public RawRecord next() {
      return null;
    }
  }
}
