package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mapiscope.model.LogonSnapshot;

/**
 * One user's logon-snapshot rows on one server, grouped by capture. Only the fullest {@link
 * Thresholds#MAX_CAPTURES_PER_USER} captures are kept, each with at most {@link
 * Thresholds#MAX_ROWS_PER_CAPTURE} rows, so a monitoring job that captured every five minutes for a
 * year still fits.
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
    Capture c = captures.computeIfAbsent(row.time(), Capture::new);
    c.count++;
    if (c.rows.size() < Thresholds.MAX_ROWS_PER_CAPTURE) {
      c.rows.add(row);
    }
    if (captures.size() > Thresholds.MAX_CAPTURES_PER_USER) {
      captures.values().stream()
          .min(Comparator.comparingInt((Capture x) -> x.count).thenComparing(x -> x.time))
          .ifPresent(smallest -> captures.remove(smallest.time));
    }
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
    return captures == null ? List.of() : List.copyOf(captures.values());
  }
}
