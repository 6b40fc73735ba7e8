package org.mapiscope.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.model.SessionReplay;

/**
 * Joins one user's refusals on one server (RCA refusal rows and Event 9646, read in any order) to
 * the sessions the server held for the user then ({@link SessionHistory} and the sessions still
 * open), and computes the demand they prove. Pure; one instance per (server, user).
 */
final class RefusalJoin {

  /** What the server held at one refusal. */
  record AtRefusal(Instant at, int open, int alive, int refused, boolean covered) {
    int demand() {
      return alive + refused;
    }

    int stale() {
      return open - alive;
    }

    /**
     * Whether this refusal proves more than {@code other}: covered by RCA logs first, then by
     * demand.
     */
    boolean outranks(AtRefusal other) {
      return other == null
          || (covered && !other.covered)
          || (covered == other.covered && demand() > other.demand());
    }
  }

  /**
   * Session columns: start, last activity, moved on, end, ending, until when its client was alive.
   */
  private static final int START = 0;

  private static final int LAST = 1;
  private static final int MOVED = 2;
  private static final int END = 3;
  private static final int ENDING = 4;
  private static final int ALIVE_UNTIL = 5;
  private static final SessionReplay.Ending[] ENDINGS = SessionReplay.Ending.values();

  private final String server;
  private final String user;
  private final ServerFacts sf;
  private final List<long[]> sessions = new ArrayList<>();
  private final List<RefusalStream> streams = new ArrayList<>();
  private final long evidenceEnd;
  private long historyFrom = Long.MAX_VALUE;

  /**
   * @param tracks the user's tracks on this server (one per state read for it), may be empty
   * @param open the user's sessions still open on this server
   * @param rca refusal rows from the RCA logs
   * @param limit Event 9646 refusals of this user on this server
   */
  RefusalJoin(
      String server,
      String user,
      ServerFacts sf,
      List<UserTrack> tracks,
      List<OpenSession> open,
      RefusalPoints rca,
      RefusalPoints limit) {
    this.server = server;
    this.user = user;
    this.sf = sf;
    this.evidenceEnd = sf.end() == null ? Long.MIN_VALUE : sf.end().toEpochMilli();
    for (UserTrack t : tracks) {
      SessionHistory h = t.history;
      if (h == null) {
        continue;
      }
      historyFrom = Math.min(historyFrom, h.completeFrom);
      for (int i = 0; i < h.size(); i++) {
        addSession(h.start(i), h.lastActivity(i), h.movedOnAt(i), h.end(i), h.ending(i));
      }
    }
    for (OpenSession s : open) {
      addSession(
          s.start.toEpochMilli(),
          s.lastActivity.toEpochMilli(),
          s.superseded() ? s.supersededAt.toEpochMilli() : SessionReplay.NONE,
          SessionReplay.OPEN,
          SessionReplay.Ending.OPEN);
    }
    RefusalPoints all = new RefusalPoints();
    if (rca != null) {
      all.addAll(rca);
    }
    if (limit != null) {
      all.addAll(limit);
    }
    collapse(all);
    alignToTheRcaClock();
  }

  /**
   * A 9646 and the RCA rows of its moment come from one machine, but exports may shift the event
   * log's clock a little: a stream only 9646 tell of is moved to the fullest moment of the user's
   * sessions within {@link Thresholds#JOIN_SKEW}, so the demand and the smallest limit (and {@code
   * whatif}, which replays these same streams) see the sessions the refusal met.
   */
  private void alignToTheRcaClock() {
    if (sessions.isEmpty()) {
      return;
    }
    for (int i = 0; i < streams.size(); i++) {
      RefusalStream r = streams.get(i);
      if (r.rows() > 0 || r.clientIp() != null || r.software() != null) {
        continue;
      }
      long first = r.first().toEpochMilli();
      long shift = fullestMoment(first) - first;
      if (shift != 0) {
        streams.set(
            i,
            new RefusalStream(
                r.server(),
                r.user(),
                r.first().plusMillis(shift),
                r.last().plusMillis(shift),
                null,
                null,
                r.events(),
                r.rows()));
      }
    }
  }

  String server() {
    return server;
  }

  List<RefusalStream> streams() {
    return streams;
  }

  /**
   * The refusal with the largest legitimate demand — among those the RCA logs cover, when any are —
   * or {@code null} without refusals.
   */
  AtRefusal worst() {
    AtRefusal worst = null;
    for (RefusalStream s : streams) {
      AtRefusal at = at(s.first().toEpochMilli());
      if (at.outranks(worst)) {
        worst = at;
      }
    }
    return worst;
  }

  /**
   * The smallest limit under which none of these attempts is refused, sessions ending as they would
   * under {@code deadPeerMs}: the computation {@code whatif} makes (docs/simulator.md), so both
   * agree.
   */
  int minimalLimit(long deadPeerMs) {
    List<long[]> attempts = new ArrayList<>(sessions.size() + streams.size());
    for (long[] s : sessions) {
      long end =
          SessionReplay.end(
              s[START],
              s[LAST],
              s[MOVED],
              ENDINGS[(int) s[ENDING]],
              s[END],
              sf.deadPeerMs(),
              evidenceEnd,
              deadPeerMs);
      attempts.add(new long[] {s[START], end, 0});
    }
    for (RefusalStream r : streams) {
      attempts.add(SessionReplay.refusedAttempt(r.first().toEpochMilli(), r.last().toEpochMilli()));
    }
    return SessionReplay.minimalLimit(attempts.toArray(new long[0][]));
  }

  /**
   * Sessions open and alive at a refusal: at its instant, or — the event log's and the RCA log's
   * clocks may differ a little — at the fullest moment within {@link Thresholds#JOIN_SKEW} of it.
   */
  private AtRefusal at(long t) {
    long x = fullestMoment(t);
    int open = 0;
    int alive = 0;
    for (long[] s : sessions) {
      if (s[START] <= x && x < s[END]) {
        open++;
        if (x < s[ALIVE_UNTIL]) {
          alive++;
        }
      }
    }
    int refused = 0;
    for (RefusalStream r : streams) {
      long first = r.first().toEpochMilli();
      if (first <= t && t <= r.last().toEpochMilli() + SessionReplay.REFUSED_HOLD_MS) {
        refused++;
      }
    }
    boolean covered = historyFrom <= x && open >= Thresholds.HISTORY_FLOOR;
    return new AtRefusal(Instant.ofEpochMilli(t), open, alive, Math.max(1, refused), covered);
  }

  /**
   * The moment within {@link Thresholds#JOIN_SKEW} of {@code t} with the most sessions open,
   * nearest first.
   */
  private long fullestMoment(long t) {
    long skew = Thresholds.JOIN_SKEW.toMillis();
    int bestOpen = -1;
    long bestAt = t;
    List<Long> moments = new ArrayList<>();
    moments.add(t);
    for (long[] s : sessions) {
      if (Math.abs(s[START] - t) <= skew) {
        moments.add(s[START]);
      }
      if (s[END] != SessionReplay.OPEN && Math.abs(s[END] - 1 - t) <= skew) {
        moments.add(s[END] - 1);
      }
    }
    for (long x : moments) {
      int open = 0;
      for (long[] s : sessions) {
        if (s[START] <= x && x < s[END]) {
          open++;
        }
      }
      if (open > bestOpen || (open == bestOpen && Math.abs(x - t) < Math.abs(bestAt - t))) {
        bestOpen = open;
        bestAt = x;
      }
    }
    return bestAt;
  }

  /**
   * Records a session, with until when its client was alive: its end replayed with no dead-peer
   * time at all (fixed per session, so computed once rather than at every refusal).
   */
  private void addSession(
      long start, long last, long moved, long end, SessionReplay.Ending ending) {
    long aliveUntil =
        SessionReplay.end(start, last, moved, ending, end, sf.deadPeerMs(), evidenceEnd, 0);
    sessions.add(new long[] {start, last, moved, end, ending.ordinal(), aliveUntil});
  }

  /**
   * Bursts of refusals (gaps of at most {@link Thresholds#BURST_GAP}); in each, per client an RCA
   * row names as many streams as it had refusals within one {@link Thresholds#RETRY_WINDOW} (its
   * retries are the same attempts again), plus as many unnamed ones as the 9646 events prove beyond
   * those (the most events in any such window).
   */
  private void collapse(RefusalPoints points) {
    int[] order = points.order();
    int i = 0;
    while (i < order.length) {
      int j = i + 1;
      while (j < order.length
          && points.time(order[j]) - points.time(order[j - 1]) <= Thresholds.BURST_GAP.toMillis()) {
        j++;
      }
      burst(points, order, i, j);
      i = j;
    }
  }

  private void burst(RefusalPoints points, int[] order, int from, int to) {
    Map<ClientKey, List<Long>> byClient = new LinkedHashMap<>();
    List<Long> unnamed = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int p = order[k];
      ClientKey c = points.client(p);
      (c == null ? unnamed : byClient.computeIfAbsent(c, x -> new ArrayList<>()))
          .add(points.time(p));
    }
    // A client refused several sessions at once (Outlook opens a handful at start) wants as many;
    // its
    // retries a minute apart are the same ones again.
    Map<ClientKey, Integer> perClient = new LinkedHashMap<>();
    int named = 0;
    for (Map.Entry<ClientKey, List<Long>> e : byClient.entrySet()) {
      int n = mostWithinWindow(e.getValue());
      perClient.put(e.getKey(), n);
      named += n;
    }
    int streamsHere = Math.max(named, mostWithinWindow(unnamed));
    long first = points.time(order[from]);
    long last = points.time(order[to - 1]);
    long eventsLeft = unnamed.size();
    int k = 0;
    String serverName = ServerNames.isKnown(server) ? server : null;
    for (Map.Entry<ClientKey, List<Long>> e : byClient.entrySet()) {
      List<Long> times = e.getValue();
      int n = perClient.get(e.getKey());
      long rowsLeft = times.size();
      for (int i = 0; i < n; i++, k++) {
        long share = eventsLeft / (streamsHere - k);
        eventsLeft -= share;
        long rows = rowsLeft / (n - i);
        rowsLeft -= rows;
        streams.add(
            new RefusalStream(
                serverName,
                user,
                Instant.ofEpochMilli(times.get(0)),
                Instant.ofEpochMilli(times.get(times.size() - 1)),
                e.getKey().ip(),
                e.getKey().software(),
                share,
                rows));
      }
    }
    for (; k < streamsHere; k++) {
      long share = eventsLeft / (streamsHere - k);
      eventsLeft -= share;
      streams.add(
          new RefusalStream(
              serverName,
              user,
              Instant.ofEpochMilli(first),
              Instant.ofEpochMilli(last),
              null,
              null,
              share,
              0));
    }
  }

  /**
   * The most points within any window of {@link Thresholds#RETRY_WINDOW}: attempts that cannot be
   * one client's retries.
   */
  static int mostWithinWindow(List<Long> sortedTimes) {
    int best = 0;
    int start = 0;
    long window = Thresholds.RETRY_WINDOW.toMillis();
    for (int end = 0; end < sortedTimes.size(); end++) {
      while (sortedTimes.get(end) - sortedTimes.get(start) >= window) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }
}
