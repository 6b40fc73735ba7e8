package org.mapiscope.sim.evidence;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Independent Poisson processes, one per user with its own rate (0 = none), merged in time order:
 * when each user's leaking application hits its object cap, or a healthy user's connect fails for a
 * reason other than the session limit. Draws from its own random stream, so the simulation's draws
 * stay untouched. Not thread-safe; one per emission.
 */
final class PoissonSchedule {

  private final double[] ratePerMs;
  private final SplittableRandom rng;

  /** {time, user}, earliest first, ties by user. */
  private final PriorityQueue<long[]> next =
      new PriorityQueue<>(
          (a, b) ->
              Long.compare(a[0], b[0]) != 0 ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

  PoissonSchedule(double[] ratePerMs, SplittableRandom rng) {
    this.ratePerMs = ratePerMs;
    this.rng = rng;
    for (int u = 0; u < ratePerMs.length; u++) {
      schedule(0, u);
    }
  }

  /** Time of the earliest pending event, or {@link Long#MAX_VALUE}. */
  long nextTime() {
    return next.isEmpty() ? Long.MAX_VALUE : next.peek()[0];
  }

  /**
   * Takes the earliest pending event, schedules that user's following one, and returns the user.
   */
  int take() {
    long[] e = next.poll();
    int user = (int) e[1];
    schedule(e[0], user);
    return user;
  }

  private void schedule(long fromMs, int user) {
    if (ratePerMs[user] <= 0) {
      return;
    }
    double gap = -Math.log(1 - rng.nextDouble()) / ratePerMs[user];
    if (gap < Long.MAX_VALUE / 4) {
      next.add(new long[] {fromMs + Math.max(1, Math.round(gap)), user});
    }
  }
}
