package org.mapiscope.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.Server;

/**
 * The event loop. Two kinds of events: a user's next client start (at most one pending per user)
 * and the end of a started client's sessions. Keys are {@code time << 1 | kind} so that at equal
 * times ends come before starts: a slot freed at t can be taken at t, as in the M/G/c/c model. A
 * started client with accepted sessions takes a slot in a small pool of parallel arrays until its
 * sessions end, so memory follows live sessions. A service restart (scenario {@code
 * server.restarts}) drops every session at once and holds back connects for a short downtime. Not
 * thread-safe; one instance per run.
 */
final class Engine {

  private static final long END = 0;
  private static final long START = 1;

  /** Vanished clients whose sessions are never reaped (a middlebox that never drops the flow). */
  static final long NEVER = -1;

  private final Scenario scenario;
  private final SimulationListener listener;
  private final long duration;
  private final int limit;
  private final SplittableRandom rng;

  /** Service restarts, ascending; {@code nextRestart} indexes the first still to come. */
  private final long[] restarts;

  private int nextRestart;

  /** Until then the restarted service accepts no connection. */
  private long downUntil;

  // Per population, indexed by population.
  private final double[] meanInterStartMs;
  private final int[] sessionsPerStart;
  private final HoldingSampler[] holding;
  private final double[] abandon;
  private final long[] reapDelay;
  private final int[] firstUser;
  private final long[] popAttempts;
  private final long[] popRejected;

  // Per user.
  private final int[] popOf;
  private final int[] live;
  private final int[] peak;
  private final boolean[] hit;

  // Live clients: slot → user, sessions, first session id, whether it vanished.
  private int[] clientUser = new int[64];
  private int[] clientSessions = new int[64];
  private long[] clientFirstId = new long[64];
  private boolean[] clientVanished = new boolean[64];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int slotsUsed;

  private final EventQueue queue;
  private long attempts;
  private long events;
  private long totalLive;
  private double sessionArea;
  private long lastTime;

  private final Buckets buckets;

  Engine(Scenario scenario, SimulationListener listener) {
    this.scenario = scenario;
    this.listener = listener;
    this.duration = scenario.durationMs();
    this.limit = scenario.server().sessionLimit();
    this.rng = new SplittableRandom(scenario.seed());
    this.restarts =
        scenario.server().restartsMs().stream().mapToLong(Long::longValue).sorted().toArray();
    List<Population> pops = scenario.populations();
    int n = pops.size();
    meanInterStartMs = new double[n];
    sessionsPerStart = new int[n];
    holding = new HoldingSampler[n];
    abandon = new double[n];
    reapDelay = new long[n];
    firstUser = new int[n + 1];
    popAttempts = new long[n];
    popRejected = new long[n];
    int users = scenario.totalUsers();
    popOf = new int[users];
    live = new int[users];
    peak = new int[users];
    hit = new boolean[users];
    for (int p = 0; p < n; p++) {
      Population pop = pops.get(p);
      meanInterStartMs[p] =
          pop.startsPerMs() > 0 ? 1.0 / pop.startsPerMs() : Double.POSITIVE_INFINITY;
      sessionsPerStart[p] = pop.sessionsPerStart();
      holding[p] = new HoldingSampler(pop.holding());
      abandon[p] = pop.abandonProbability();
      reapDelay[p] = ReapDelay.delayMs(scenario.server(), pop);
      firstUser[p + 1] = firstUser[p] + pop.users();
      Arrays.fill(popOf, firstUser[p], firstUser[p + 1], p);
    }
    queue = new EventQueue(users + 64);
    buckets = new Buckets(duration, TimeSeries.bucketMsFor(duration), live);
  }

  SimulationResult run() {
    for (int u = 0; u < popOf.length; u++) {
      long first = nextStart(0, popOf[u]);
      if (first < duration) {
        queue.push(first << 1 | START, u);
      }
    }
    while (!queue.isEmpty()) {
      long key = queue.topKey();
      long t = key >>> 1;
      if (t >= duration) {
        break;
      }
      if (nextRestart < restarts.length && restarts[nextRestart] <= t) {
        restart(restarts[nextRestart++]);
        continue;
      }
      events++;
      sessionArea += (double) totalLive * (t - lastTime);
      lastTime = t;
      buckets.advanceTo(t);
      if ((key & 1) == START) {
        start(t, queue.topValue());
      } else {
        end(t, queue.topValue());
      }
    }
    while (nextRestart < restarts.length) {
      restart(restarts[nextRestart++]); // past the last event, still inside the run
    }
    sessionArea += (double) totalLive * (duration - lastTime);
    buckets.finish();
    return result();
  }

  private long nextStart(long t, int p) {
    if (Double.isInfinite(meanInterStartMs[p])) {
      return duration; // a population that never starts
    }
    double gap = HoldingSampler.exponential(rng, meanInterStartMs[p]);
    return gap >= duration - t ? duration : t + Math.round(gap);
  }

  private void start(long t, int user) {
    if (t < downUntil) {
      // The service is restarting: the client connects as soon as it is back.
      queue.replaceTop(downUntil << 1 | START, user);
      return;
    }
    int p = popOf[user];
    long next = nextStart(t, p);
    if (next < duration) {
      queue.replaceTop(next << 1 | START, user);
    } else {
      queue.pop();
    }
    int tries = sessionsPerStart[p];
    int accepted = Math.max(0, Math.min(tries, limit - live[user]));
    int rejected = tries - accepted;
    long firstId = attempts + 1;
    attempts += tries;
    popAttempts[p] += tries;
    if (rejected > 0) {
      popRejected[p] += rejected;
      hit[user] = true;
    }
    buckets.count(tries, rejected);
    if (accepted == 0) {
      if (listener != null) {
        listener.clientStarted(t, user, firstId, 0, rejected, t, false);
      }
      return;
    }
    // Beyond the horizon all holding times are alike; clamping keeps the sums below from
    // overflowing.
    long active = Math.min(holding[p].sample(rng), duration);
    boolean vanishes = abandon[p] > 0 && rng.nextDouble() < abandon[p];
    long lastActivity = t + active;
    long endAt =
        !vanishes
            ? lastActivity
            : reapDelay[p] == NEVER ? Long.MAX_VALUE : lastActivity + reapDelay[p];
    int now = live[user] += accepted;
    totalLive += accepted;
    if (now > peak[user]) {
      peak[user] = now;
    }
    buckets.sessions(now);
    if (listener != null) {
      listener.clientStarted(t, user, firstId, accepted, rejected, lastActivity, vanishes);
    }
    if (endAt < duration) {
      int slot = takeSlot();
      clientUser[slot] = user;
      clientSessions[slot] = accepted;
      clientFirstId[slot] = firstId;
      clientVanished[slot] = vanishes;
      queue.push(endAt << 1 | END, slot);
    }
  }

  private void end(long t, int slot) {
    queue.pop();
    int user = clientUser[slot];
    int sessions = clientSessions[slot];
    live[user] -= sessions;
    totalLive -= sessions;
    freeSlots[freeCount++] = slot;
    if (listener != null) {
      listener.clientEnded(t, user, clientFirstId[slot], sessions, clientVanished[slot]);
    }
  }

  /**
   * The service stops and starts again: every session is gone at once (none is closed or reaped, so
   * no end is reported), pending starts stay, and the service is back {@link
   * Server#RESTART_DOWNTIME_MS} later.
   */
  private void restart(long t) {
    sessionArea += (double) totalLive * (t - lastTime);
    lastTime = t;
    buckets.advanceTo(t);
    Arrays.fill(live, 0);
    totalLive = 0;
    long[] keys = new long[queue.size()];
    int[] values = new int[keys.length];
    int kept = 0;
    for (; !queue.isEmpty(); queue.pop()) {
      if ((queue.topKey() & 1) == START) {
        keys[kept] = queue.topKey();
        values[kept++] = queue.topValue();
      }
    }
    for (int i = 0; i < kept; i++) {
      queue.push(keys[i], values[i]);
    }
    freeCount = 0;
    slotsUsed = 0;
    downUntil = t + Server.RESTART_DOWNTIME_MS;
    if (listener != null) {
      listener.serviceRestarted(t, downUntil);
    }
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == clientUser.length) {
      int n = slotsUsed * 2;
      clientUser = Arrays.copyOf(clientUser, n);
      clientSessions = Arrays.copyOf(clientSessions, n);
      clientFirstId = Arrays.copyOf(clientFirstId, n);
      clientVanished = Arrays.copyOf(clientVanished, n);
      freeSlots = Arrays.copyOf(freeSlots, n);
    }
    return slotsUsed++;
  }

  private SimulationResult result() {
    List<PopulationResult> byPop = new ArrayList<>();
    long rejected = 0;
    int affected = 0;
    for (int p = 0; p < sessionsPerStart.length; p++) {
      int popAffected = 0;
      for (int u = firstUser[p]; u < firstUser[p + 1]; u++) {
        popAffected += hit[u] ? 1 : 0;
      }
      Population pop = scenario.populations().get(p);
      byPop.add(
          new PopulationResult(
              pop.name(),
              pop.users(),
              popAttempts[p],
              popRejected[p],
              PopulationResult.rate(popRejected[p], popAttempts[p]),
              popRejected[p],
              popAffected,
              PeakPerUser.of(peak, firstUser[p], firstUser[p + 1])));
      rejected += popRejected[p];
      affected += popAffected;
    }
    return new SimulationResult(
        attempts,
        rejected,
        PopulationResult.rate(rejected, attempts),
        rejected,
        affected,
        PeakPerUser.of(peak, 0, peak.length),
        byPop,
        sessionArea / duration,
        totalLive,
        events,
        buckets.series());
  }
}
