package org.mapiscope.evtx.evt;

import java.io.IOException;

/**
 * Checks whether a whole, intact {@code EVENTLOGRECORD} starts at a ring position: plausible
 * length, signature, and the trailing copy of the length. The length is checked against {@link
 * EvtLayout#MAX_RECORD_SIZE} and the ring before anything is allocated.
 */
final class RecordProbe {

  /** A probe's answer: the record bytes, or why there is no record. */
  record Result(byte[] bytes, String problem) {
    boolean found() {
      return bytes != null;
    }
  }

  private RecordProbe() {}

  static Result probe(RingFile ring, long position, long room) throws IOException {
    if (room < EvtLayout.RECORD_FIXED_SIZE + 4) {
      return new Result(null, "no room for a record");
    }
    long length = ring.readUInt(position);
    long signature = ring.readUInt(ring.advance(position, 4));
    if (signature != (EvtLayout.SIGNATURE & 0xffffffffL)) {
      return new Result(null, "no record signature");
    }
    if (length < EvtLayout.RECORD_FIXED_SIZE + 4
        || length % 4 != 0
        || length > EvtLayout.MAX_RECORD_SIZE
        || length > room) {
      return new Result(null, "implausible record length " + length);
    }
    long copy = ring.readUInt(ring.advance(position, length - 4));
    if (copy != length) {
      return new Result(
          null,
          "record length "
              + length
              + " but trailing copy "
              + copy
              + (copy == 0 ? " (truncated record)" : ""));
    }
    return new Result(ring.read(position, (int) length), null);
  }

  /** True when the word at {@code position} starts a record (cheap pre-check for scans). */
  static boolean signatureAt(RingFile ring, long position) throws IOException {
    return ring.readUInt(ring.advance(position, 4)) == (EvtLayout.SIGNATURE & 0xffffffffL);
  }
}
