package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mapiscope.model.LogonSnapshot;

/**
 * One user's logon-snapshot rows on one server, grouped by capture. Only the fullest {@link
 * Thresholds#MAX_CAPTURES_PER_USER} captures are kept, each with at most {@link
 * Thresholds#MAX_ROWS_PER_CAPTURE} rows, so a monitoring job that captured every five minutes for a
 * year still fits. Rows arrive one by one, so a capture is judged when the next one starts: until
 * then it is held beside the others.
 */
final class LogonCaptures implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rows of one capture. */
  static final class Capture implements Serializable {
    private static final long serialVersionUID = 1L;

    final Instant time;
    final List<LogonSnapshot> rows = new ArrayList<>();
    int count;

    Capture(Instant time) {
      this.time = time;
    }
  }

  /** Made with the first capture: most tracks have none. */
  private TreeMap<Instant, Capture> captures;

  void add(LogonSnapshot row) {
    if (captures == null) {
      captures = new TreeMap<>();
    }
    Capture c = captures.get(row.time());
    if (c == null) {
      // A capture's rows come together, so the captures held are complete now and can be judged
      // against each other; the new one could not be, with its first row only.
      if (captures.size() > Thresholds.MAX_CAPTURES_PER_USER) {
        Capture smallest = smallest(captures.values());
        captures.remove(smallest.time);
      }
      c = new Capture(row.time());
      captures.put(row.time(), c);
    }
    c.count++;
    if (c.rows.size() < Thresholds.MAX_ROWS_PER_CAPTURE) {
      c.rows.add(row);
    }
  }

  /** The capture with the fewest logons, the earliest among equals: the first to let go of. */
  private static Capture smallest(Collection<Capture> captures) {
    return captures.stream()
        .min(Comparator.comparingInt((Capture x) -> x.count).thenComparing(x -> x.time))
        .orElseThrow();
  }

  void addAll(LogonCaptures other) {
    if (other.captures == null) {
      return;
    }
    for (Map.Entry<Instant, Capture> e : other.captures.entrySet()) {
      e.getValue().rows.forEach(this::add);
    }
  }

  List<Capture> list() {
    if (captures == null) {
      return List.of();
    }
    // One capture more than the bound is held while the newest fills.
    List<Capture> kept = new ArrayList<>(captures.values());
    if (kept.size() > Thresholds.MAX_CAPTURES_PER_USER) {
      kept.remove(smallest(kept));
    }
    return List.copyOf(kept);
  }
}
