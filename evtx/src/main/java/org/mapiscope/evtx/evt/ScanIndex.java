package org.mapiscope.evtx.evt;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.mapiscope.evtx.DamageListener;

/**
 * Last resort when no end-of-file record tells where the records are: finds every intact record in
 * the file and returns them by record number. Memory grows with the records found (two longs each),
 * never with a size read from the file.
 */
final class ScanIndex implements RecordLocator {

  private final RingFile ring;
  private final DamageListener damage;
  private long[] offsets = new long[64];
  private long[] numbers = new long[64];
  private int count;
  private int[] order;
  private int next;

  ScanIndex(RingFile ring, DamageListener damage) throws IOException {
    this.ring = ring;
    this.damage = damage;
    long p = EvtLayout.HEADER_SIZE;
    while (p + 8 <= ring.size()) {
      RecordProbe.Result probe =
          RecordProbe.signatureAt(ring, p) ? RecordProbe.probe(ring, p, ring.ringSize()) : null;
      if (probe != null && probe.found()) {
        add(p, Bytes.u32(probe.bytes(), EvtLayout.R_RECORD_NUMBER));
        p += probe.bytes().length; // a record that wraps ends the scan
      } else {
        p += 4;
      }
    }
    order =
        IntStream.range(0, count)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingLong(i -> numbers[i])
                    .thenComparingLong(i -> offsets[i]))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  private void add(long offset, long number) {
    if (count == offsets.length) {
      offsets = Arrays.copyOf(offsets, count * 2);
      numbers = Arrays.copyOf(numbers, count * 2);
    }
    offsets[count] = offset;
    numbers[count] = number;
    count++;
  }

  int size() {
    return count;
  }

  @Override
  public RawRecord next() throws IOException {
    while (next < count) {
      long offset = offsets[order[next++]];
      RecordProbe.Result probe = RecordProbe.probe(ring, offset, ring.ringSize());
      if (probe.found()) {
        return new RawRecord(offset, probe.bytes());
      }
      damage.damaged(offset, probe.problem()); // the file changed under us since the scan
    }
    return null;
  }
}
