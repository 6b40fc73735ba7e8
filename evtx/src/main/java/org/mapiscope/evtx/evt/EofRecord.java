package org.mapiscope.evtx.evt;

import java.io.IOException;

/**
 * The {@code ELF_EOF_RECORD} that follows the newest record. Its copy of the oldest-record offset
 * is what a dirty log's stale header lacks.
 *
 * @param position where this EOF record is
 * @param beginOffset offset of the oldest record, as the EOF record says
 * @param currentRecord number the next record would get
 * @param oldestRecord number of the oldest record
 */
record EofRecord(long position, long beginOffset, long currentRecord, long oldestRecord) {

  /** The EOF record at {@code position}, or {@code null} when there is none. */
  static EofRecord at(RingFile ring, long position) throws IOException {
    if (ring.ringSize() < EvtLayout.EOF_SIZE) {
      return null;
    }
    byte[] b = ring.read(position, EvtLayout.EOF_SIZE);
    if (Bytes.u32(b, 0) != EvtLayout.EOF_SIZE
        || Bytes.u32(b, EvtLayout.EOF_SIZE - 4) != EvtLayout.EOF_SIZE) {
      return null;
    }
    for (int i = 0; i < EvtLayout.EOF_MAGIC.length; i++) {
      if (Bytes.s32(b, 4 + 4 * i) != EvtLayout.EOF_MAGIC[i]) {
        return null;
      }
    }
    return new EofRecord(
        position,
        Bytes.u32(b, EvtLayout.EOF_BEGIN),
        Bytes.u32(b, EvtLayout.EOF_CURRENT),
        Bytes.u32(b, EvtLayout.EOF_OLDEST));
  }

  /**
   * Searches the whole ring, word by word, for EOF records and keeps the newest (highest
   * next-record number); stale copies can survive in the unused part of a wrapped log.
   */
  static EofRecord scan(RingFile ring) throws IOException {
    EofRecord best = null;
    if (ring.ringSize() < EvtLayout.EOF_SIZE) {
      return null;
    }
    for (long p = EvtLayout.HEADER_SIZE; p < ring.size(); p += 4) {
      if (ring.readUInt(p) != EvtLayout.EOF_SIZE) {
        continue;
      }
      EofRecord eof = at(ring, p);
      if (eof != null && (best == null || eof.currentRecord > best.currentRecord)) {
        best = eof;
      }
    }
    return best;
  }

  /** The oldest-record offset lies inside the ring. */
  boolean beginInRing(RingFile ring) {
    return beginOffset >= EvtLayout.HEADER_SIZE && beginOffset < ring.size();
  }
}
