package org.mapiscope.sim.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.SessionReplay;

/**
 * Replays reconstructed sessions under changed keepalive and limit (docs/simulator.md,
 * docs/simulator.md):
 *
 * <ul>
 *   <li>a session holds a slot from its start until its end, except that once its client
 *       demonstrably moved on, keepalive reaps it a dead-peer time ({@code KeepAliveTime + probes ×
 *       interval}) after the client was last known alive — never later than it was observed to end.
 *       Known alive: its last activity, the move, and its end (or the end of the evidence, while
 *       still open) minus the baseline's dead-peer time: the server would have reaped it earlier
 *       had the client been gone before ({@link SessionEndPredictor});
 *   <li>sessions and observed failed connects are attempts, in start order; ends at the same
 *       instant come first; an attempt is refused (one 9646, one failed connect) when the user
 *       already holds {@code sessionLimit} sessions;
 *   <li>a formerly failed attempt that now succeeds holds no slot: its client's eventual session is
 *       already in the evidence.
 * </ul>
 *
 * Refusing an attempt never changes when other sessions end, so a limit L refuses nothing exactly
 * when L exceeds every attempt's count of sessions already open in the unlimited replay: the
 * minimal limit is the unlimited replay's peak concurrency, counting each attempt itself.
 * Thread-safe.
 */
public final class WhatIf {

  private WhatIf() {}

  /**
   * Replays under {@code changed}, knowing the evidence was logged under {@code baseline}: with
   * {@code changed} equal to {@code baseline} every session ends when it was observed to end.
   *
   * @param sessions reconstructed sessions and failed attempts, any order
   * @param observed9646 Event 9646 per user key in the evidence; users missing count 0
   * @param baseline the settings the evidence was logged under
   * @param changed the settings to replay under
   */
  public static WhatIfResult replay(
      List<ReplaySession> sessions,
      Map<String, Long> observed9646,
      WhatIfSettings baseline,
      WhatIfSettings changed) {
    return replay(
        sessions,
        observed9646,
        new SessionEndPredictor(baseline.deadPeerDetectionMs(), evidenceEnd(sessions), changed),
        baseline);
  }

  /**
   * Replays under {@code settings} without knowing the settings the evidence was logged under: a
   * moved-on session's client counts as alive until its last activity or the move only, so sessions
   * whose client outlived the move are reaped early.
   */
  public static WhatIfResult replay(
      List<ReplaySession> sessions, Map<String, Long> observed9646, WhatIfSettings settings) {
    return replay(sessions, observed9646, SessionEndPredictor.withoutBaseline(settings), null);
  }

  private static WhatIfResult replay(
      List<ReplaySession> sessions,
      Map<String, Long> observed9646,
      SessionEndPredictor reaping,
      WhatIfSettings baseline) {
    WhatIfSettings settings = reaping.changed();
    Map<String, List<ReplaySession>> byUser = new TreeMap<>();
    for (ReplaySession s : sessions) {
      byUser.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s);
    }
    TreeSet<String> users = new TreeSet<>(byUser.keySet());
    users.addAll(observed9646.keySet());
    List<UserWhatIf> out = new ArrayList<>();
    long[] sum = new long[5];
    int minimal = 0;
    for (String user : users) {
      UserWhatIf u =
          replayUser(
              user,
              byUser.getOrDefault(user, List.of()),
              observed9646.getOrDefault(user, 0L),
              reaping,
              settings.sessionLimit(),
              baseline);
      out.add(u);
      sum[0] += u.observed();
      sum[1] += u.predicted();
      sum[2] += u.observedFailedConnects();
      sum[3] += u.predictedFailedConnects();
      sum[4] += u.attempts();
      minimal = Math.max(minimal, u.minimalLimit());
    }
    out.sort(
        Comparator.comparingLong(UserWhatIf::observed)
            .reversed()
            .thenComparing(Comparator.comparingLong(UserWhatIf::predicted).reversed())
            .thenComparing(UserWhatIf::user));
    return new WhatIfResult(
        settings, new WhatIfTotal(sum[0], sum[1], sum[2], sum[3], sum[4]), out, minimal);
  }

  /**
   * The latest instant the sessions show: where the evidence ends, as far as the replay can tell (a
   * server whose logs end earlier keeps its still-open sessions a little longer, never shorter).
   */
  private static long evidenceEnd(List<ReplaySession> sessions) {
    long latest = Long.MIN_VALUE;
    for (ReplaySession s : sessions) {
      latest = Math.max(latest, s.start().toEpochMilli());
      if (s.lastActivity() != null) {
        latest = Math.max(latest, s.lastActivity().toEpochMilli());
      }
      if (s.end() != null) {
        latest = Math.max(latest, s.end().toEpochMilli());
      }
    }
    return latest;
  }

  private static UserWhatIf replayUser(
      String user,
      List<ReplaySession> sessions,
      long observed,
      SessionEndPredictor reaping,
      int sessionLimit,
      WhatIfSettings baseline) {
    int n = sessions.size();
    long[][] attempts = new long[n][];
    long observedFailed = 0;
    boolean anySession = false;
    boolean leftBehind = false;
    for (int i = 0; i < n; i++) {
      ReplaySession s = sessions.get(i);
      long start = s.start().toEpochMilli();
      if (s.rejected()) {
        long[] a =
            SessionReplay.refusedAttempt(start, s.end() == null ? start : s.end().toEpochMilli());
        attempts[i] = new long[] {a[0], a[1], a[2], s.events(), s.rows()};
        observedFailed += s.rows();
      } else {
        anySession = true;
        leftBehind |= s.leftBehind();
        attempts[i] = new long[] {start, reaping.predictedEnd(s), 0, 1, 1};
      }
    }
    int minimal = SessionReplay.minimalLimit(attempts);
    if (!anySession) {
      // Refusals without a single session of the user in the evidence: nothing to replay them
      // against, so no prediction beyond "as observed".
      return new UserWhatIf(
          user,
          observed,
          observed,
          observedFailed,
          observedFailed,
          n,
          minimal,
          observed > 0 || observedFailed > 0 ? UserWhatIf.NO_SESSIONS : null);
    }
    Arrays.sort(attempts, SessionReplay.ORDER);
    long[] refused = countRefused(attempts, sessionLimit);
    String note = null;
    if (observed > 0 && leftBehind && baseline != null && sessionLimit > baseline.sessionLimit()) {
      note = UserWhatIf.ONLY_DELAYED;
    }
    return new UserWhatIf(user, observed, refused[0], observedFailed, refused[1], n, minimal, note);
  }

  /**
   * {9646, failed connects} predicted: a refused stream repeats its observed events and rows; a
   * refused session is one of each.
   */
  private static long[] countRefused(long[][] attempts, int limit) {
    PriorityQueue<Long> ends = new PriorityQueue<>();
    long events = 0;
    long rows = 0;
    for (long[] a : attempts) {
      while (!ends.isEmpty() && ends.peek() <= a[0]) {
        ends.poll();
      }
      if (ends.size() >= limit) {
        events += a[3];
        rows += a[4];
      } else if (a[1] > a[0]) {
        ends.add(a[1]);
      }
    }
    return new long[] {events, rows};
  }
}
