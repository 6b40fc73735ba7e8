package org.mapiscope.sim.evidence;

import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.mapiscope.sim.scenario.ObjectLeak;
import org.mapiscope.sim.scenario.Population;

/**
 * When each user's leaking application runs into its object cap: a Poisson process per user of a
 * population with {@code objectLeak}. An event counts only while the user holds a session (objects
 * live inside sessions). Its own random stream leaves the simulation's draws untouched.
 * Not thread-safe; one per emission.
 */
final class LeakSchedule {

    /** Handed each event that falls while its user holds a session. */
    interface Sink {
        void leak(long timeMs, int user, ObjectLeak leak);
    }

    private final List<Population> populations;
    private final int[] popOf;
    private final SplittableRandom rng;
    /** {time, user}, earliest first. */
    private final PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]) != 0
            ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));

    LeakSchedule(List<Population> populations, int[] popOf, long seed) {
        this.populations = populations;
        this.popOf = popOf;
        this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int u = 0; u < popOf.length; u++) {
            schedule(0, u);
        }
    }

    /** Hands over, in time order, the events before {@code timeMs} of users with {@code live[user] > 0}. */
    void until(long timeMs, int[] live, Sink sink) {
        while (!next.isEmpty() && next.peek()[0] < timeMs) {
            long[] e = next.poll();
            int user = (int) e[1];
            if (live[user] > 0) {
                sink.leak(e[0], user, populations.get(popOf[user]).objectLeak());
            }
            schedule(e[0], user);
        }
    }

    private void schedule(long fromMs, int user) {
        ObjectLeak leak = populations.get(popOf[user]).objectLeak();
        if (leak == null || leak.perHour() <= 0) {
            return;
        }
        double gap = -Math.log(1 - rng.nextDouble()) / leak.perMs();
        if (gap < Long.MAX_VALUE / 4) {
            next.add(new long[] {fromMs + Math.max(1, Math.round(gap)), user});
        }
    }
}
