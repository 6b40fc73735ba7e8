package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The earliest few examples of one kind. Keeping the earliest (not the first to arrive) makes the
 * pick independent of the order in which files were read, and the size bound keeps memory flat.
 */
final class ExampleSample implements Serializable {
  private static final long serialVersionUID = 2L;

  /**
   * The kept examples in order, the earliest first; allocated with the first example, since a track
   * has a dozen samples and most are never used. A sorted array of at most {@link
   * Thresholds#REFS_PER_KIND}, not a sorted set: a few bytes per example instead of an entry object
   * each.
   */
  private Example[] kept;

  private int size;

  /** {@code sample} with {@code example} added; a new sample when {@code sample} is null. */
  static ExampleSample with(ExampleSample sample, Example example) {
    ExampleSample s = sample == null ? new ExampleSample() : sample;
    s.add(example);
    return s;
  }

  void add(Example example) {
    int at = size == 0 ? -1 : Arrays.binarySearch(kept, 0, size, example);
    if (at >= 0) {
      return; // already kept
    }
    int insert = -at - 1;
    if (insert >= Thresholds.REFS_PER_KIND) {
      return; // later than all kept, and they are enough
    }
    if (kept == null) {
      kept = new Example[Thresholds.REFS_PER_KIND];
    }
    int moved = Math.min(size, Thresholds.REFS_PER_KIND - 1) - insert;
    System.arraycopy(kept, insert, kept, insert + 1, moved);
    kept[insert] = example;
    size = Math.min(size + 1, Thresholds.REFS_PER_KIND);
  }

  /** Adds {@code other}'s examples; a null sample has none. */
  void addAll(ExampleSample other) {
    if (other == null) {
      return;
    }
    for (int i = 0; i < other.size; i++) {
      add(other.kept[i]);
    }
  }

  List<Example> list() {
    return size == 0 ? List.of() : List.of(Arrays.copyOf(kept, size));
  }
}
