package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.SessionEvent.Kind;
import org.mapiscope.model.SessionReplay;

/**
 * How RCA sessions end besides a Disconnect (docs/diagnosis.md, "Sessions"): NetworkRundown, a
 * service restart (a new header block, or session ids starting again) — and failed connects that
 * are not refusals.
 */
class SessionEndingsTest {

  private static final String SERVER = "ex01";
  private static final String FILE = "RCA_ex01.LOG";
  private static final String DN =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=";
  private static final String LOGIN_PERM = "1010 (rpc::LoginPerm)";

  private final List<Evidence> rca = new ArrayList<>();
  private final SessionLogTest.Collected log = new SessionLogTest.Collected();

  private static Instant at(int hour, int minute) {
    return Fixture.at(0, hour, minute);
  }

  private void row(
      Instant t, String id, String user, Kind kind, String op, String ip, String status) {
    rca.add(
        new SessionEvent(
            t,
            SERVER,
            id,
            user,
            DN + user,
            kind,
            op,
            ip,
            "OUTLOOK.EXE",
            "16.0.5000.1000",
            "Cached",
            kind == Kind.ACTIVITY && op.endsWith("Logon") ? DN + user : null,
            EvidenceRef.line(FILE, rca.size() + 1),
            status));
  }

  /** Sessions {@code from}..{@code to} (ids) connect and log on from {@code ip}, a second apart. */
  private void open(String user, Instant t, String ip, int from, int to) {
    for (int id = from; id <= to; id++) {
      Instant when = t.plusSeconds(id - from);
      row(when, Integer.toString(id), user, Kind.CONNECT, "Connect", ip, null);
      row(when, Integer.toString(id), user, Kind.ACTIVITY, "OwnerLogon", ip, null);
    }
  }

  private void end(Instant t, Kind kind, int from, int to, String user) {
    for (int id = from; id <= to; id++) {
      row(
          t,
          Integer.toString(id),
          user,
          kind,
          kind == Kind.RUNDOWN ? "NetworkRundown" : "Disconnect",
          null,
          null);
    }
  }

  private void restart(Instant t) {
    rca.add(new ServiceRestart(t, "EX01", EvidenceRef.line(FILE, rca.size() + 1)));
  }

  private AnalysisResult analyze() {
    Analyzer a = new Analyzer(log);
    rca.forEach(a::accept);
    return a.finish(AnalysisOptions.inferAll());
  }

  private static SessionSummary.UserSessions user(AnalysisResult r, String user) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals(user))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------- NetworkRundown

  @Test
  void aNetworkRundownClosesTheSessionAndCountsItStale() {
    open("jdoe", at(8, 0), "10.0.0.5", 1, 6);
    end(at(10, 0).plusSeconds(10), Kind.RUNDOWN, 1, 4, "jdoe");
    open("jdoe", at(11, 0), "10.0.0.5", 7, 10); // 2 + 4 open now, not 6 + 4
    end(at(17, 0), Kind.DISCONNECT, 5, 10, "jdoe");
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.peakConcurrent()).isEqualTo(6);
    assertThat(u.stale()).isEqualTo(4);
    assertThat(u.refusals().rundowns()).isEqualTo(4);
    assertThat(u.refusals().attempts()).isZero();
    assertThat(r.totals().rundowns()).isEqualTo(4);
    assertThat(log.ending(SessionReplay.Ending.RUNDOWN))
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.end()).isEqualTo(at(10, 0).plusSeconds(10)))
        .extracting(ReconstructedSession::sessionId)
        .containsExactlyInAnyOrder("1", "2", "3", "4");
    assertThat(log.ending(SessionReplay.Ending.CLIENT)).hasSize(6);
    assertThat(log.ending(SessionReplay.Ending.OPEN)).isEmpty();
  }

  @Test
  void aRowAfterTheRundownDoesNotReviveTheSession() {
    open("jdoe", at(8, 0), "10.0.0.5", 1, 2);
    end(at(10, 0), Kind.RUNDOWN, 1, 2, "jdoe");
    end(at(10, 0).plusSeconds(1), Kind.DISCONNECT, 1, 2, "jdoe");
    AnalysisResult r = analyze();

    assertThat(user(r, "jdoe").refusals().rundowns()).isEqualTo(2);
    assertThat(log.sessions)
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.ending()).isEqualTo(SessionReplay.Ending.RUNDOWN));
  }

  // ---------------------------------------------------------------- restarts

  @Test
  void aServiceRestartEndsEveryOpenSessionOfThatServer() {
    open("jdoe", at(8, 0), "10.0.0.5", 1, 6);
    open("asmith", at(8, 10), "10.0.0.6", 7, 10);
    restart(at(12, 0));
    // New ids after the restart, none reused and none far below the highest: only the restart ends
    // them.
    open("jdoe", at(12, 1), "10.0.0.5", 11, 16);
    open("asmith", at(12, 2), "10.0.0.6", 17, 20);
    AnalysisResult r = analyze();

    SessionSummary.UserSessions jdoe = user(r, "jdoe");
    assertThat(jdoe.peakConcurrent()).as("the peak does not double").isEqualTo(6);
    assertThat(jdoe.refusals().endedByRestart()).isEqualTo(6);
    assertThat(user(r, "asmith").peakConcurrent()).isEqualTo(4);
    assertThat(user(r, "asmith").refusals().endedByRestart()).isEqualTo(4);
    assertThat(r.totals().endedByRestart()).isEqualTo(10);
    assertThat(log.ending(SessionReplay.Ending.RESTART))
        .hasSize(10)
        .allSatisfy(s -> assertThat(s.end()).isEqualTo(at(12, 0)));
    assertThat(log.ending(SessionReplay.Ending.OPEN))
        .extracting(ReconstructedSession::sessionId)
        .containsExactlyInAnyOrder("11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void sessionIdsStartingAgainAreARestart() {
    open("jdoe", at(8, 0), "10.0.0.5", 100, 109);
    open("jdoe", at(12, 0), "10.0.0.5", 1, 10);
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.peakConcurrent()).isEqualTo(10);
    assertThat(u.refusals().endedByRestart()).isEqualTo(10);
    assertThat(log.ending(SessionReplay.Ending.RESTART))
        .hasSize(10)
        .allSatisfy(s -> assertThat(s.end()).isEqualTo(at(12, 0)))
        .extracting(ReconstructedSession::sessionId)
        .allSatisfy(id -> assertThat(Integer.parseInt(id)).isBetween(100, 109));
  }

  /**
   * Ends by restart when ids {@code highest-9..highest} are followed by a connect with id {@code
   * next}.
   */
  private long restartedBy(int highest, int next) {
    rca.clear();
    log.sessions.clear();
    open("jdoe", at(8, 0), "10.0.0.5", highest - 9 < 0 ? 0 : highest - 9, highest);
    open("jdoe", at(12, 0), "10.0.0.5", next, next);
    return user(analyze(), "jdoe").refusals().endedByRestart();
  }

  @Test
  void anotherIdSpaceInterleavedInTheSameLogIsNoRestart() {
    // Two writers with their own counters in one log, rows seconds apart: no silence, no restart.
    open("jdoe", at(8, 0), "10.0.0.5", 5000, 5009);
    open("asmith", at(8, 0).plusMillis(500), "10.0.0.6", 12, 21);
    AnalysisResult r = analyze();

    assertThat(r.totals().endedByRestart()).isZero();
    assertThat(user(r, "jdoe").peakConcurrent()).isEqualTo(10);
  }

  @Test
  void anIdDropIsARestartOnlyBelowHalfTheHighestIdOfAtLeastTwenty() {
    assertThat(restartedBy(20, 9)).as("9 < 20 / 2").isEqualTo(10);
    assertThat(restartedBy(20, 10)).as("10 is half of 20, not below").isZero();
    assertThat(restartedBy(40, 19)).isEqualTo(10);
    assertThat(restartedBy(40, 20)).isZero();
    assertThat(restartedBy(19, 1)).as("ids below 20 are too small to tell").isZero();
    assertThat(restartedBy(1000, 499)).isEqualTo(10);
  }

  /** Sessions 100..109 connect a second apart, then id 1 connects {@code silence} later. */
  private long restartedAfterSilence(Duration silence) {
    rca.clear();
    log.sessions.clear();
    open("jdoe", at(8, 0), "10.0.0.5", 100, 109);
    open("jdoe", at(8, 0).plusSeconds(9).plus(silence), "10.0.0.5", 1, 1);
    return user(analyze(), "jdoe").refusals().endedByRestart();
  }

  @Test
  void anIdDropIsARestartOnlyAfterThirtySecondsOfSilence() {
    // Thresholds.RESTART_MIN_SILENCE
    assertThat(restartedAfterSilence(Duration.ofSeconds(29))).isZero();
    assertThat(restartedAfterSilence(Duration.ofSeconds(30))).isEqualTo(10);
    assertThat(restartedAfterSilence(Duration.ofSeconds(31))).isEqualTo(10);
  }

  @Test
  void theHighestIdCountsFromTheLastRestart() {
    open("jdoe", at(8, 0), "10.0.0.5", 100, 109);
    restart(at(12, 0));
    open("jdoe", at(12, 1), "10.0.0.5", 30, 39); // below half of 109, but counted after the restart
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.refusals().endedByRestart()).isEqualTo(10);
    assertThat(u.peakConcurrent()).isEqualTo(10);
    assertThat(log.ending(SessionReplay.Ending.OPEN)).hasSize(10);
  }

  @Test
  void aConnectForAnIdStillOpenEndsThatOneSession() {
    open("jdoe", at(8, 0), "10.0.0.5", 1, 5);
    open("jdoe", at(9, 0), "10.0.0.5", 3, 3);
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.peakConcurrent()).isEqualTo(5);
    assertThat(u.refusals().endedByRestart()).isEqualTo(1);
    assertThat(log.ending(SessionReplay.Ending.RESTART))
        .singleElement()
        .satisfies(s -> assertThat(s.start()).isEqualTo(at(8, 0).plusSeconds(2)));
  }

  // ---------------------------------------------------------------- failed connects

  @Test
  void failedConnectsAreNeitherRefusalsNorFindingsAndAreListedByStatus() {
    // The user holds the limit (32 sessions in use from three desks) and an Outlook without
    // permission
    // keeps failing: LoginPerm is not the session limit.
    open("jdoe", at(8, 0), "10.0.1.10", 1, 11);
    open("jdoe", at(8, 10), "10.0.1.11", 12, 22);
    open("jdoe", at(8, 20), "10.0.1.12", 23, 32);
    for (int id = 1; id <= 32; id++) {
      row(at(8, 30), Integer.toString(id), "jdoe", Kind.ACTIVITY, "Execute", null, null);
    }
    for (int minute = 0; minute < 20; minute++) {
      row(at(9, minute), "0", "jdoe", Kind.FAILED, "Connect", "10.0.1.99", LOGIN_PERM);
    }
    row(at(10, 0), "0", "jdoe", Kind.FAILED, "Connect", "10.0.1.99", "1722 (rpc::Unavailable)");
    row(at(10, 1), "0", "jdoe", Kind.FAILED, "Connect", "10.0.1.99", "1722 (rpc::Unavailable)");
    // Someone else only ever fails.
    row(at(11, 0), "0", "bjones", Kind.FAILED, "Connect", "10.0.1.50", LOGIN_PERM);
    end(at(17, 0), Kind.DISCONNECT, 1, 32, "jdoe");
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.rejected()).isZero();
    assertThat(u.refusals().attempts()).isZero();
    assertThat(u.refusals().otherFailedConnects()).isEqualTo(22);
    assertThat(u.refusals().otherFailures())
        .containsExactly(Map.entry(LOGIN_PERM, 20L), Map.entry("1722 (rpc::Unavailable)", 2L));
    assertThat(user(r, "bjones").refusals().otherFailures())
        .containsExactly(Map.entry(LOGIN_PERM, 1L));
    assertThat(log.refused).isEmpty();
    assertThat(r.totals().refusedRows()).isZero();
    assertThat(r.totals().unmetSessions()).isZero();
    assertThat(r.totals().otherFailedConnects()).isEqualTo(23);
    assertThat(r.findings()).isEmpty();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
  }

  @Test
  void aRefusedConnectBesideTheFailedOnesIsTheOnlyRefusal() {
    open("jdoe", at(8, 0), "10.0.1.10", 1, 4);
    row(at(9, 0), "0", "jdoe", Kind.FAILED, "Connect", "10.0.1.99", LOGIN_PERM);
    row(
        at(9, 5),
        "0",
        "jdoe",
        Kind.REJECTED,
        "Connect",
        "10.0.1.98",
        "2400 (rpc::MaxSessionsExceeded)");
    AnalysisResult r = analyze();

    SessionSummary.UserSessions u = user(r, "jdoe");
    assertThat(u.rejected()).isEqualTo(1);
    assertThat(u.refusals().attempts()).isEqualTo(1);
    assertThat(u.refusals().otherFailedConnects()).isEqualTo(1);
    assertThat(log.refused)
        .singleElement()
        .satisfies(c -> assertThat(c.clientIp()).isEqualTo("10.0.1.98"));
  }
}
