package org.mapiscope.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The two computations that {@code analyze} (the raised limit it recommends) and {@code whatif}
 * (the smallest limit it predicts) must share, so they can never disagree: when a reconstructed
 * session ends under a given dead-peer time, and the smallest limit that refuses none of a user's
 * attempts. Times are epoch milliseconds. Stateless and thread-safe.
 */
public final class SessionReplay {

  private SessionReplay() {}

  /** "No such instant" for {@code movedOnAt}. */
  public static final long NONE = Long.MIN_VALUE;

  /** "Still open when the evidence ends" for an observed end. */
  public static final long OPEN = Long.MAX_VALUE;

  /**
   * A refused attempt stream holds its place from its first refusal until just after its last: a
   * client retrying every minute holds one place, not one per retry, and two clients refused at the
   * same instant hold two. Not longer: the session a client finally got is already in the evidence
   * from its next retry on, and must not be counted twice.
   */
  public static final long REFUSED_HOLD_MS = 1L;

  /** How a session ended in the evidence. */
  public enum Ending {
    /** Still open when the evidence ends. */
    OPEN,
    /** The client closed it (Disconnect). */
    CLIENT,
    /**
     * The server ran the dead connection down (NetworkRundown): the client was gone since its last
     * activity.
     */
    RUNDOWN,
    /** The service restarted and forgot it. */
    RESTART
  }

  /**
   * When a session ends if replayed under {@code deadPeerMs} (KeepAliveTime + probes × interval).
   *
   * <ul>
   *   <li>A client that never moved on and was never run down was alive: the session ends as
   *       observed.
   *   <li>Run down: the client was gone from its last sign of life, which under the baseline was at
   *       least the observed end minus the baseline's dead-peer time; it ends a new dead-peer time
   *       after that — later than observed under a longer keepalive, earlier under a shorter one.
   *   <li>Moved on (a newer connect elsewhere, or Outlook starting again on the same machine):
   *       reaped a dead-peer time after the client was last known alive, never later than observed
   *       (the client or a restart ended it then). Under the baseline, a session reaped at {@code
   *       end} was alive until {@code end − baseline}, so with the baseline's own settings every
   *       session ends as observed.
   * </ul>
   *
   * @param observedEnd the end in the evidence, or {@link #OPEN}
   * @param movedOnAt when the client demonstrably moved on, or {@link #NONE}
   * @param baselineDeadPeerMs dead-peer time the evidence was logged under, or {@link
   *     Long#MAX_VALUE} when unknown
   * @param evidenceEndMs where the evidence ends (a still-open session ended after it)
   * @return the end, at least {@code start}; {@link #OPEN} when it outlives the evidence (a
   *     moved-on session still open may end just after the evidence ends instead)
   */
  public static long end(
      long start,
      long lastActivity,
      long movedOnAt,
      Ending ending,
      long observedEnd,
      long baselineDeadPeerMs,
      long evidenceEndMs,
      long deadPeerMs) {
    long last = Math.max(start, lastActivity);
    boolean knownBaseline = baselineDeadPeerMs != Long.MAX_VALUE;
    if (ending == Ending.RUNDOWN) {
      long aliveUntil =
          knownBaseline && observedEnd != OPEN
              ? Math.max(last, observedEnd - baselineDeadPeerMs)
              : last;
      return Math.max(start, saturatedAdd(aliveUntil, deadPeerMs));
    }
    if (movedOnAt == NONE) {
      return observedEnd;
    }
    long aliveUntil = Math.max(movedOnAt, last);
    if (knownBaseline) {
      // Not reaped by the baseline's keepalive before it ended (cleanly, by a restart, or still
      // open):
      // its client was alive until at least a dead-peer time before that end.
      long endedBy = observedEnd == OPEN ? evidenceEndMs + 1 : observedEnd;
      aliveUntil = Math.max(aliveUntil, endedBy - baselineDeadPeerMs);
    }
    return Math.max(start, Math.min(observedEnd, saturatedAdd(aliveUntil, deadPeerMs)));
  }

  /**
   * The smallest session limit that refuses none of the attempts: the largest number of sessions
   * open at any attempt, the attempt itself included. An attempt is {@code {start, end, refused}}
   * ({@code refused} 1 for a refused attempt stream, which holds its place until its end, 0 for a
   * session); at one instant ends come first, then sessions, then refused attempts (the store
   * refuses only when full, so a refusal met every session admitted at its instant).
   *
   * @return 0 without attempts
   */
  public static int minimalLimit(long[][] attempts) {
    long[][] sorted = attempts.clone();
    Arrays.sort(sorted, ORDER);
    PriorityQueue<Long> ends = new PriorityQueue<>();
    long peak = 0;
    for (long[] a : sorted) {
      while (!ends.isEmpty() && ends.peek() <= a[0]) {
        ends.poll();
      }
      peak = Math.max(peak, ends.size() + 1L);
      if (a[1] > a[0]) {
        ends.add(a[1]);
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, peak);
  }

  /**
   * The order attempts are replayed in: by start, sessions before refusals at one instant, then by
   * end.
   */
  public static final Comparator<long[]> ORDER =
      Comparator.<long[]>comparingLong(a -> a[0])
          .thenComparingLong(a -> a[2])
          .thenComparingLong(a -> a[1]);

  /**
   * A refused attempt stream as an attempt: it holds its place from its first refusal until {@link
   * #REFUSED_HOLD_MS} after its last.
   */
  public static long[] refusedAttempt(long first, long last) {
    return new long[] {first, saturatedAdd(Math.max(first, last), REFUSED_HOLD_MS), 1};
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
  }
}
