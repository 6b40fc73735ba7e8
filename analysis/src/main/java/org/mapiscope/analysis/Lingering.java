package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * How superseded sessions ended, kept as counts per (idle-at-end, after-move) pair in 5-minute
 * buckets. The keepalive that judges them is read from a registry export that may arrive after the
 * RCA logs, so the verdict (reaped, held, closed by a live client) is taken at the end; buckets
 * keep memory independent of the number of sessions.
 */
final class Lingering implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final long BUCKET_MS = 5 * 60_000L;

  /** Beyond a week every duration is "far beyond" any keepalive. */
  private static final long MAX_BUCKET = 7 * 24 * 12;

  /** key = idleBucket * (MAX_BUCKET + 1) + afterMoveBucket */
  private final TreeMap<Long, Integer> counts = new TreeMap<>();

  /**
   * @param idleMs end − last activity
   * @param afterMoveMs end − the move that superseded it
   */
  void add(long idleMs, long afterMoveMs) {
    counts.merge(bucket(idleMs) * (MAX_BUCKET + 1) + bucket(afterMoveMs), 1, Integer::sum);
  }

  void addAll(Lingering other) {
    other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
  }

  /**
   * Sessions reaped by keepalive: dead-peer detection ends a session {@code deadPeerMs} after its
   * last packet, which fell between its last logged activity and the move; so idle ≥ D and
   * after-move ≤ D, within the tolerance.
   */
  int reaped(long deadPeerMs) {
    long tol = Thresholds.reapToleranceMs(deadPeerMs);
    int n = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      long idle = idleOf(e.getKey());
      long after = afterOf(e.getKey());
      if (idle >= deadPeerMs - tol && after <= deadPeerMs + tol && after >= cleanCloseMs()) {
        n += e.getValue();
      }
    }
    return n;
  }

  /**
   * Sessions that ended later after the move than keepalive would have let a dead client's session
   * live: their client still answered the probes.
   */
  int outlived(long deadPeerMs) {
    long latest = deadPeerMs + Thresholds.reapToleranceMs(deadPeerMs);
    int n = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (afterOf(e.getKey()) > latest) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** Sessions that ended far beyond keepalive after the move: something held them. */
  int held(long deadPeerMs) {
    long limit = (long) (deadPeerMs * Thresholds.HELD_FACTOR);
    int n = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (afterOf(e.getKey()) >= limit) {
        n += e.getValue();
      }
    }
    return n;
  }

  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static long cleanCloseMs() {
    // Bucketed values are rounded down, so compare against the bucket of the window.
    return bucket(Thresholds.CLEAN_CLOSE_WINDOW.toMillis()) * BUCKET_MS;
  }

  private static long bucket(long ms) {
    return Math.min(MAX_BUCKET, Math.max(0, ms) / BUCKET_MS);
  }

  private static long idleOf(long key) {
    return key / (MAX_BUCKET + 1) * BUCKET_MS;
  }

  private static long afterOf(long key) {
    return key % (MAX_BUCKET + 1) * BUCKET_MS;
  }
}
