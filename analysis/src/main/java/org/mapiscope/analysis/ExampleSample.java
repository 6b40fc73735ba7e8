package org.mapiscope.analysis;

import java.util.List;
import java.util.TreeSet;

/**
 * The earliest few examples of one kind. Keeping the earliest (not the first to arrive) makes the
 * pick independent of the order in which files were read, and the size bound keeps memory flat.
 */
final class ExampleSample {

    private final TreeSet<Example> kept = new TreeSet<>();

    void add(Example example) {
        kept.add(example);
        if (kept.size() > Thresholds.REFS_PER_KIND) {
            kept.pollLast();
        }
    }

    void addAll(ExampleSample other) {
        other.kept.forEach(this::add);
    }

    List<Example> list() {
        return List.copyOf(kept);
    }
}
