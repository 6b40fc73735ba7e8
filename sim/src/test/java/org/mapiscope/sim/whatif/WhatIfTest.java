package org.mapiscope.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfTest {

  private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  private static final long MIN = 60_000L;

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /**
   * A VPN user: every hour the laptop reconnects from a new address; old sessions die with the
   * tunnel.
   */
  private static List<ReplaySession> vpnUser(String user, int reconnects, long reapedAfterMinutes) {
    List<ReplaySession> out = new ArrayList<>();
    for (int i = 0; i < reconnects; i++) {
      boolean last = i == reconnects - 1;
      out.add(
          new ReplaySession(
              user,
              at(60L * i),
              at(60L * i),
              last ? null : at(60L * i + 60 + reapedAfterMinutes),
              last ? null : at(60L * i + 60),
              false));
    }
    return out;
  }

  @Test
  void shorterKeepAliveReapsMovedOnSessionsSooner() {
    // 10 reconnects an hour apart, each old session reaped 2h after the move: at each reconnect the
    // two
    // previous sessions are still open, so 3 with the new one.
    List<ReplaySession> s = vpnUser("jdoe", 10, 120);
    WhatIfSettings stock = WhatIfSettings.stock().withSessionLimit(2);

    WhatIfResult before = WhatIf.replay(s, Map.of("jdoe", 7L), stock);
    WhatIfResult after = WhatIf.replay(s, Map.of("jdoe", 7L), stock.withKeepAliveTime(5 * MIN));

    assertThat(before.minimalLimit()).isEqualTo(3);
    assertThat(before.total().predicted()).isPositive();
    // 5 min + 10 s after each move: only the new session and the one being reaped remain.
    assertThat(after.minimalLimit()).isEqualTo(2);
    assertThat(after.total().predicted()).isZero();
    assertThat(after.byUser())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.user()).isEqualTo("jdoe");
              assertThat(u.observed()).isEqualTo(7);
              assertThat(u.predicted()).isZero();
              assertThat(u.attempts()).isEqualTo(10);
            });
  }

  /**
   * A VPN user whose old laptop client lives on for 50 minutes after each reconnect from a new
   * address, then vanishes and is reaped 2 h 10 s later, as the stock server does.
   */
  private static List<ReplaySession> lingeringVpnUser(String user, int reconnects) {
    long deadPeer = 120 * MIN + 10_000;
    List<ReplaySession> out = new ArrayList<>();
    for (int i = 0; i < reconnects; i++) {
      boolean last = i == reconnects - 1;
      long start = 30L * i;
      out.add(
          new ReplaySession(
              user,
              at(start),
              at(start),
              last ? null : at(start + 80).plusMillis(deadPeer),
              last ? null : at(start + 30),
              false));
    }
    return out;
  }

  @Test
  void underTheBaselineTheReplayReproducesTheObservedRefusals() {
    // Reaped 80 min + 2 h 10 s after their start, the sessions of up to 7 earlier starts are still
    // open
    // at each reconnect: more than a limit of 6 allows.
    List<ReplaySession> s = new ArrayList<>(lingeringVpnUser("jdoe", 20));
    WhatIfSettings baseline = WhatIfSettings.stock().withSessionLimit(6);
    long observedEndsRefused =
        WhatIf.replay(withoutMoves(s), Map.of(), baseline).total().predicted();

    WhatIfResult replayed =
        WhatIf.replay(s, Map.of("jdoe", observedEndsRefused), baseline, baseline);
    WhatIfResult blind = WhatIf.replay(s, Map.of(), baseline);
    WhatIfResult shorter =
        WhatIf.replay(s, Map.of(), baseline, baseline.withKeepAliveTime(5 * MIN));

    assertThat(observedEndsRefused).isPositive();
    assertThat(replayed.total().predicted()).isEqualTo(observedEndsRefused);
    // Counting keepalive from the move alone reaps the living clients too early.
    assertThat(blind.total().predicted()).isLessThan(observedEndsRefused);
    // Reaped 5 min 10 s after the laptop vanished (85 min after its start): the two previous starts
    // remain, with the new one 3.
    assertThat(shorter.total().predicted()).isZero();
    assertThat(shorter.minimalLimit()).isEqualTo(3);
  }

  @Test
  void underTheBaselineEverySessionEndsWhenObserved() {
    qt().withExamples(300)
        .forAll(
            lists().of(integers().between(0, 999)).ofSizeBetween(0, 160),
            integers().between(1, 240),
            integers().between(1, 40))
        .checkAssert(
            (numbers, keepAliveMinutes, limit) -> {
              List<ReplaySession> s = sessionsFrom(numbers);
              WhatIfSettings baseline =
                  WhatIfSettings.stock()
                      .withKeepAliveTime(keepAliveMinutes * MIN)
                      .withSessionLimit(limit);
              assertThat(WhatIf.replay(s, Map.of(), baseline, baseline))
                  .isEqualTo(WhatIf.replay(withoutMoves(s), Map.of(), baseline));
            });
  }

  /** The sessions as observed: no client moved on, so none is reaped before its observed end. */
  private static List<ReplaySession> withoutMoves(List<ReplaySession> sessions) {
    return sessions.stream()
        .map(
            x ->
                new ReplaySession(
                    x.user(), x.start(), x.lastActivity(), x.end(), null, x.rejected()))
        .toList();
  }

  @Test
  void aLongerKeepAliveNeverOutlivesTheObservedEnd() {
    List<ReplaySession> s = vpnUser("jdoe", 6, 120);
    WhatIfResult stock = WhatIf.replay(s, Map.of(), WhatIfSettings.stock());
    WhatIfResult longer =
        WhatIf.replay(s, Map.of(), WhatIfSettings.stock().withKeepAliveTime(48 * 60 * MIN));
    assertThat(longer.minimalLimit()).isEqualTo(stock.minimalLimit());
  }

  @Test
  void sessionsWhoseClientNeverMovedOnStayActive() {
    // 5 sessions open all day from one desktop: no keepalive setting can reap them.
    List<ReplaySession> s = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      s.add(new ReplaySession("svc", at(i), at(i), at(600), null, false));
    }
    WhatIfSettings tight = new WhatIfSettings(MIN, 3, 1_000, 10);
    WhatIfResult r = WhatIf.replay(s, Map.of("svc", 2L), tight);
    assertThat(r.minimalLimit()).isEqualTo(5);
    assertThat(r.total().predicted()).isEqualTo(2);
    assertThat(r.total().predictedFailedConnects()).isEqualTo(2);
  }

  @Test
  void refusedStreamsHoldTheirPlaceAndUsersWithoutSessionsArePredictedAsObserved() {
    List<ReplaySession> s =
        List.of(
            new ReplaySession("a", at(0), at(0), at(100), null, false),
            new ReplaySession("a", at(1), at(1), at(100), null, false),
            ReplaySession.refused("a", at(2), at(2), 1, 1),
            ReplaySession.refused("a", at(2), at(2), 1, 1),
            new ReplaySession("b", at(0), at(0), null, null, false));
    WhatIfResult r =
        WhatIf.replay(s, Map.of("a", 2L, "c", 1L), WhatIfSettings.stock().withSessionLimit(2));
    // a: both streams refused (2 events, 2 rows); c: no session to replay against, so as observed
    assertThat(r.total()).isEqualTo(new WhatIfTotal(3, 3, 2, 2, 5));
    assertThat(r.byUser())
        .filteredOn(u -> u.user().equals("c"))
        .singleElement()
        .satisfies(u -> assertThat(u.note()).isEqualTo(UserWhatIf.NO_SESSIONS));
    // two clients refused at once while two sessions were held: 4 places wanted
    assertThat(r.minimalLimit()).isEqualTo(4);
    assertThat(r.byUser()).extracting(UserWhatIf::user).containsExactly("a", "c", "b");
    WhatIfResult three = WhatIf.replay(s, Map.of(), WhatIfSettings.stock().withSessionLimit(3));
    assertThat(three.total().predicted())
        .as("the first stream now holds a place, the second is refused")
        .isEqualTo(1);
    WhatIfResult four = WhatIf.replay(s, Map.of(), WhatIfSettings.stock().withSessionLimit(4));
    assertThat(four.total().predicted()).isZero();
  }

  @Test
  void aHigherLimitOnlyDelaysRefusalsWhereSessionsWereLeftBehindNotWhereClientsClosedThem() {
    // Same shape twice: three sessions, then a refusal at minute 60. For "gone" the clients
    // vanished and the
    // server ran the sessions down; for "busy" the user moved between machines and closed each
    // session.
    List<ReplaySession> s = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      s.add(
          ReplaySession.session(
              "gone",
              at(i),
              at(i),
              at(i + 121),
              null,
              org.mapiscope.model.SessionReplay.Ending.RUNDOWN));
      s.add(
          ReplaySession.session(
              "busy",
              at(i),
              at(i),
              at(i + 121),
              at(i + 1),
              org.mapiscope.model.SessionReplay.Ending.CLIENT));
    }
    s.add(ReplaySession.refused("gone", at(60), at(60), 1, 1));
    s.add(ReplaySession.refused("busy", at(60), at(60), 1, 1));
    WhatIfSettings base = WhatIfSettings.stock().withSessionLimit(3);
    WhatIfResult higher =
        WhatIf.replay(s, Map.of("gone", 1L, "busy", 1L), base, base.withSessionLimit(10));

    assertThat(higher.byUser())
        .filteredOn(u -> u.user().equals("gone"))
        .singleElement()
        .satisfies(u -> assertThat(u.note()).isEqualTo(UserWhatIf.ONLY_DELAYED));
    assertThat(higher.byUser())
        .filteredOn(u -> u.user().equals("busy"))
        .singleElement()
        .satisfies(u -> assertThat(u.note()).isNull());
  }

  @Test
  void aRunDownSessionEndsEarlierUnderAShorterKeepAliveAndLaterUnderALongerOne() {
    // Three sessions of vanished clients run down two hours after their last activity, then a
    // refusal.
    List<ReplaySession> s = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      s.add(
          ReplaySession.session(
              "v",
              at(i),
              at(i),
              at(i + 121),
              null,
              org.mapiscope.model.SessionReplay.Ending.RUNDOWN));
    }
    s.add(ReplaySession.refused("v", at(60), at(60), 1, 1));
    WhatIfSettings base = WhatIfSettings.stock().withSessionLimit(3);
    WhatIfResult same = WhatIf.replay(s, Map.of("v", 1L), base, base);
    WhatIfResult shorter = WhatIf.replay(s, Map.of("v", 1L), base, base.withKeepAliveTime(5 * MIN));
    WhatIfResult longer =
        WhatIf.replay(s, Map.of("v", 1L), base, base.withKeepAliveTime(4 * 60 * MIN));
    assertThat(same.total().predicted()).isEqualTo(1);
    assertThat(shorter.total().predicted()).isZero();
    assertThat(longer.total().predicted()).isEqualTo(1);
    assertThat(shorter.minimalLimit()).isLessThan(same.minimalLimit());
  }

  @Test
  void minimalLimitIsTheSmallestLimitWithoutRefusals() {
    qt().withExamples(300)
        .forAll(
            lists().of(integers().between(0, 999)).ofSizeBetween(0, 160),
            integers().between(1, 240))
        .checkAssert(
            (numbers, keepAliveMinutes) -> {
              List<ReplaySession> s = sessionsFrom(numbers);
              WhatIfSettings settings =
                  WhatIfSettings.stock().withKeepAliveTime(keepAliveMinutes * MIN);
              int minimal = WhatIf.replay(s, Map.of(), settings).minimalLimit();
              int bySearch = 0;
              while (refusals(WhatIf.replay(s, Map.of(), settings.withSessionLimit(bySearch)))
                  > 0) {
                bySearch++;
              }
              assertThat(minimal).isEqualTo(bySearch);
              // Refusals are not monotone in the limit (an extra accepted session can block later
              // ones),
              // but every limit from the minimal one up refuses nothing.
              for (int limit = minimal; limit <= minimal + 3; limit++) {
                assertThat(refusals(WhatIf.replay(s, Map.of(), settings.withSessionLimit(limit))))
                    .isZero();
              }
              // Ends only move earlier with a shorter keepalive, so the demand cannot grow.
              assertThat(WhatIf.replay(s, Map.of(), settings.withKeepAliveTime(MIN)).minimalLimit())
                  .isLessThanOrEqualTo(minimal);
            });
  }

  /** Refused attempts of any kind: 9646 and refused connect rows. */
  private static long refusals(WhatIfResult r) {
    return r.total().predicted() + r.total().predictedFailedConnects();
  }

  /**
   * Four numbers a session: start minute, length, minutes until the client moved on (≥ 500: never),
   * kind.
   */
  private static List<ReplaySession> sessionsFrom(List<Integer> n) {
    List<ReplaySession> out = new ArrayList<>();
    for (int i = 0; i + 3 < n.size(); i += 4) {
      String user = "u" + n.get(i + 3) % 3;
      long start = n.get(i);
      if (n.get(i + 3) % 7 == 0) {
        out.add(ReplaySession.failedConnect(user, at(start)));
        continue;
      }
      Instant end = n.get(i + 1) > 900 ? null : at(start + n.get(i + 1));
      Instant moved = n.get(i + 2) >= 500 ? null : at(start + n.get(i + 2) / 4);
      out.add(new ReplaySession(user, at(start), at(start), end, moved, false));
    }
    // Refusals of a user with no session cannot be replayed (predicted as observed): leave them out
    // here.
    java.util.Set<String> withSessions = new java.util.HashSet<>();
    out.stream().filter(r -> !r.rejected()).forEach(r -> withSessions.add(r.user()));
    out.removeIf(r -> !withSessions.contains(r.user()));
    return out;
  }

  @Test
  void jsonHasTheDesignKeys() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var tree =
        json.readTree(
            json.writeValueAsString(
                WhatIf.replay(
                    vpnUser("jdoe", 3, 120), Map.of("jdoe", 1L), WhatIfSettings.stock())));
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly("settings", "total", "byUser", "minimalLimit");
    assertThat(tree.get("settings").fieldNames())
        .toIterable()
        .startsWith("keepAliveTimeMs", "sessionLimit");
    assertThat(tree.get("total").fieldNames()).toIterable().startsWith("observed", "predicted");
    assertThat(tree.get("byUser").get(0).fieldNames())
        .toIterable()
        .startsWith("user", "observed", "predicted");
    assertThat(tree.get("settings").get("keepAliveTimeMs").asLong()).isEqualTo(7_200_000L);
  }
}
