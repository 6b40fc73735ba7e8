package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Map;

/**
 * Ended superseded sessions of one track by the address they came from, the most recently used
 * {@link Thresholds#MAX_TRACKED_ADDRESSES} addresses kept and the rest folded so totals stay exact.
 * A track makes one with its first such session: most tracks never have any.
 */
final class LingeringAddresses implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What {@link #all} let go of. */
  final Lingering folded = new Lingering();

  /** What {@link #restarted} let go of. */
  final Lingering foldedRestarted = new Lingering();

  final Map<String, Lingering> all =
      new RecentMap<>(Thresholds.MAX_TRACKED_ADDRESSES, l -> false, (a, l) -> folded.addAll(l));

  /**
   * The subset superseded by a new start on the same machine (not by a move to another address).
   */
  final Map<String, Lingering> restarted =
      new RecentMap<>(
          Thresholds.MAX_TRACKED_ADDRESSES, l -> false, (a, l) -> foldedRestarted.addAll(l));

  void add(String address, boolean restart, long idleMs, long afterMoveMs) {
    all.computeIfAbsent(address, k -> new Lingering()).add(idleMs, afterMoveMs);
    if (restart) {
      restarted.computeIfAbsent(address, k -> new Lingering()).add(idleMs, afterMoveMs);
    }
  }
}
