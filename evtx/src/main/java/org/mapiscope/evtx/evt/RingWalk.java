package org.mapiscope.evtx.evt;

import java.io.IOException;
import org.mapiscope.evtx.DamageListener;

/**
 * Follows the records from the oldest-record offset to the end-of-file record, round the circular
 * buffer. Damage is reported once per damaged stretch and skipped by searching, word by word, for
 * the next intact record. Never walks further than the distance between the two offsets, so it ends
 * on any input.
 */
final class RingWalk implements RecordLocator {

  private final RingFile ring;
  private final DamageListener damage;
  private final long total;
  private long position;
  private long walked;

  RingWalk(RingFile ring, long start, long end, DamageListener damage) {
    this.ring = ring;
    this.damage = damage;
    this.position = start;
    this.total = ring.distance(start, end);
  }

  @Override
  public RawRecord next() throws IOException {
    while (walked < total) {
      RecordProbe.Result probe = RecordProbe.probe(ring, position, total - walked);
      if (probe.found()) {
        RawRecord record = new RawRecord(position, probe.bytes());
        step(probe.bytes().length);
        return record;
      }
      if (!skipTailFill()) {
        resync(probe.problem());
      }
    }
    return null;
  }

  private void step(long bytes) {
    position = ring.advance(position, bytes);
    walked += bytes;
  }

  /**
   * The event log service does not start a record in a tail too short for it; it fills the tail
   * instead and goes on after the header. Those filler words are not damage.
   */
  private boolean skipTailFill() throws IOException {
    long tail = ring.size() - position;
    if (tail > EvtLayout.MAX_RECORD_SIZE || tail > total - walked || tail % 4 != 0) {
      return false;
    }
    long fill = ring.readUInt(position);
    if (fill != EvtLayout.TAIL_FILL && fill != 0) {
      return false;
    }
    for (long p = position + 4; p < ring.size(); p += 4) {
      if (ring.readUInt(p) != fill) {
        return false;
      }
    }
    step(tail);
    return true;
  }

  private void resync(String problem) throws IOException {
    long damagedAt = position;
    long skipped = 0;
    while (walked < total) {
      step(4);
      skipped += 4;
      if (walked >= total) {
        break;
      }
      if (RecordProbe.signatureAt(ring, position)
          && RecordProbe.probe(ring, position, total - walked).found()) {
        damage.damaged(
            damagedAt,
            problem + "; skipped " + skipped + " bytes to the next record at " + position);
        return;
      }
    }
    damage.damaged(
        damagedAt, problem + "; no intact record after it before the end-of-file record");
  }
}
