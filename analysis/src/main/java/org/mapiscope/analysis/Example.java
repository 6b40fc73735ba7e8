package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import org.mapiscope.model.EvidenceRef;

/**
 * One place an admin can open, with what it shows; ordered by time then place so picks are stable.
 */
record Example(Instant time, EvidenceRef ref, String text)
    implements Comparable<Example>, Serializable {

  private static final Comparator<Example> ORDER =
      Comparator.comparing(Example::time)
          .thenComparing(e -> e.ref().file())
          .thenComparing(e -> e.ref().kind())
          .thenComparingLong(e -> e.ref().position())
          .thenComparing(Example::text);

  @Override
  public int compareTo(Example other) {
    return ORDER.compare(this, other);
  }

  Finding.EvidenceItem item() {
    return new Finding.EvidenceItem(ref.file(), ref.where(), text);
  }
}
