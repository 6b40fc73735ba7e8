package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;

/**
 * The earliest few examples of one kind. Keeping the earliest (not the first to arrive) makes the
 * pick independent of the order in which files were read, and the size bound keeps memory flat.
 */
final class ExampleSample implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Allocated with the first example: a track has a dozen samples, most never used. */
  private TreeSet<Example> kept;

  void add(Example example) {
    if (kept == null) {
      kept = new TreeSet<>();
    }
    kept.add(example);
    if (kept.size() > Thresholds.REFS_PER_KIND) {
      kept.pollLast();
    }
  }

  void addAll(ExampleSample other) {
    if (other.kept != null) {
      other.kept.forEach(this::add);
    }
  }

  List<Example> list() {
    return kept == null ? List.of() : List.copyOf(kept);
  }
}
