package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Refusals (RCA refusal rows and Event 9646) joined to the sessions the server held, through the
 * {@link Analyzer} (docs/diagnosis.md, "Refusals and demand"): retries collapse into one refused
 * attempt, simultaneous clients do not, 9646 alone are refusals, and the raised limit is the demand
 * plus the margin.
 */
class RefusalJoinTest {

  private static final String SERVER = "ex01";
  private static final String COMPUTER = "EX01.contoso.com";
  private static final String USER = "ceo";
  private static final int LIMIT = ExchangeDefaults.SESSIONS_PER_USER;

  /**
   * The user at three desks (11 + 11 + 10 sessions = the limit of 32), all in use from 8:30 to
   * 17:00: no client holds a dozen, none is left behind.
   */
  private static Fixture fullAllDay() {
    Fixture f = new Fixture();
    var a = f.start(SERVER, USER, Fixture.at(0, 8, 0), "10.1.2.10", Fixture.OUTLOOK, 11);
    var b = f.start(SERVER, USER, Fixture.at(0, 8, 10), "10.1.2.11", Fixture.OUTLOOK, 11);
    var c = f.start(SERVER, USER, Fixture.at(0, 8, 20), "10.1.3.5", Fixture.OUTLOOK, 10);
    for (int hour = 8; hour < 17; hour++) {
      f.use(a, Fixture.at(0, hour, 30))
          .use(b, Fixture.at(0, hour, 31))
          .use(c, Fixture.at(0, hour, 32));
    }
    f.close(a, Fixture.at(0, 17, 0)).close(b, Fixture.at(0, 17, 1)).close(c, Fixture.at(0, 17, 2));
    return f;
  }

  private static SessionSummary.UserSessions user(AnalysisResult r, String user) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals(user))
        .findFirst()
        .orElseThrow();
  }

  private static List<Finding> findingsOf(AnalysisResult r, String user) {
    return r.findings().stream().filter(f -> f.subject().equals(user)).toList();
  }

  private static void assertRaisedTo(AnalysisResult r, int demand) {
    assertThat(findingsOf(r, USER))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.cause()).isEqualTo(Cause.LIMIT_BELOW_NEED);
              assertThat(x.confidence())
                  .as("decided, not undecided: %s", x.summary())
                  .isGreaterThan(UndecidedRule.UNDECIDED);
            });
    assertThat(r.recommendations().sessionLimit())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.subject()).isEqualTo(USER);
              assertThat(l.current()).isEqualTo(LIMIT);
              assertThat(l.demand()).isEqualTo(demand);
              assertThat(l.recommended()).isEqualTo(Thresholds.raisedLimit(demand));
            });
  }

  @Test
  void aClientRetryingEveryMinuteForAnHourIsOneRefusedAttempt() {
    Fixture f = fullAllDay();
    for (int minute = 0; minute < 60; minute++) {
      f.start(SERVER, USER, Fixture.at(0, 9, minute), "10.1.9.9", Fixture.OUTLOOK, 1);
    }
    SessionLogTest.Collected log = new SessionLogTest.Collected();
    AnalysisResult r = f.analyze(log);

    assertThat(r.limitEvents().total()).isEqualTo(60);
    SessionSummary.UserSessions u = user(r, USER);
    assertThat(u.rejected()).isEqualTo(60);
    assertThat(u.refusals().attempts()).isEqualTo(1);
    assertThat(u.refusals().openAtWorst()).isEqualTo(LIMIT);
    assertThat(u.refusals().inUseAtWorst()).isEqualTo(LIMIT);
    assertThat(r.totals().unmetSessions()).isEqualTo(1);
    assertThat(log.streams)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.first()).isEqualTo(Fixture.at(0, 9, 0));
              assertThat(s.last()).isEqualTo(Fixture.at(0, 9, 59));
              assertThat(s.clientIp()).isEqualTo("10.1.9.9");
              assertThat(s.rows()).isEqualTo(60);
              assertThat(s.events()).isEqualTo(60);
            });
    // All 32 held were in use: the need is the limit plus the one unmet session, plus the margin.
    assertRaisedTo(r, LIMIT + 1);
  }

  @Test
  void fourClientsRefusedInTheSameSecondAreFourAttempts() {
    Fixture f = fullAllDay();
    for (int i = 0; i < 4; i++) {
      f.start(SERVER, USER, Fixture.at(0, 10, 0), "10.1.9." + (10 + i), Fixture.OUTLOOK, 1);
    }
    SessionLogTest.Collected log = new SessionLogTest.Collected();
    AnalysisResult r = f.analyze(log);

    assertThat(r.limitEvents().total()).isEqualTo(4);
    SessionSummary.UserSessions u = user(r, USER);
    assertThat(u.rejected()).isEqualTo(4);
    assertThat(u.refusals().attempts()).isEqualTo(4);
    assertThat(log.streams)
        .hasSize(4)
        .allSatisfy(
            s -> {
              assertThat(s.rows()).isEqualTo(1);
              assertThat(s.events()).isEqualTo(1);
            });
    assertRaisedTo(r, LIMIT + 4);
  }

  /**
   * 9646 at 9:00, 11:00 and 14:00, while the user held 32 sessions in use; the RCA log shows no
   * failed connect.
   */
  private static Fixture eventsOnly() {
    Fixture f = fullAllDay();
    f.limitEvent(COMPUTER, Fixture.at(0, 9, 0), USER, LIMIT);
    f.limitEvent(COMPUTER, Fixture.at(0, 11, 0), USER, LIMIT);
    f.limitEvent(COMPUTER, Fixture.at(0, 14, 0), USER, LIMIT);
    return f;
  }

  @Test
  void event9646AloneIsARefusal() {
    AnalysisResult r = eventsOnly().analyze();

    SessionSummary.UserSessions u = user(r, USER);
    assertThat(u.rejected()).isZero();
    assertThat(u.refusals().attempts()).isEqualTo(3);
    assertThat(u.refusals().openAtWorst()).isEqualTo(LIMIT);
    assertThat(u.refusals().inUseAtWorst()).isEqualTo(LIMIT);
    assertRaisedTo(r, LIMIT + 1);
  }

  @Test
  void event9646ReadBeforeTheRcaLogsJoinsTheSame() {
    Map<String, List<Evidence>> files = eventsOnly().files();
    assertThat(files).containsKeys("Application.evtx", "RCA_" + SERVER + ".LOG");

    Analyzer eventsFirst = new Analyzer();
    files.get("Application.evtx").forEach(eventsFirst::accept);
    files.get("RCA_" + SERVER + ".LOG").forEach(eventsFirst::accept);
    AnalysisResult r = eventsFirst.finish(AnalysisOptions.inferAll());

    Analyzer rcaFirst = new Analyzer();
    files.get("RCA_" + SERVER + ".LOG").forEach(rcaFirst::accept);
    files.get("Application.evtx").forEach(rcaFirst::accept);

    assertThat(user(r, USER).refusals().attempts()).isEqualTo(3);
    assertRaisedTo(r, LIMIT + 1);
    assertThat(r).isEqualTo(rcaFirst.finish(AnalysisOptions.inferAll()));
  }

  @Test
  void a9646AMinuteOffItsRcaRefusalJoinsIt() {
    // The event log's clock is a minute ahead of the RCA log's.
    Fixture f = fullAllDay();
    f.refusedRow(SERVER, USER, Fixture.at(0, 10, 0), "10.1.9.9", Fixture.OUTLOOK);
    f.limitEvent(COMPUTER, Fixture.at(0, 10, 1), USER, LIMIT);
    SessionLogTest.Collected log = new SessionLogTest.Collected();
    AnalysisResult r = f.analyze(log);

    assertThat(user(r, USER).refusals().attempts()).isEqualTo(1);
    assertThat(log.streams)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.clientIp()).isEqualTo("10.1.9.9");
              assertThat(s.rows()).isEqualTo(1);
              assertThat(s.events()).isEqualTo(1);
            });
    assertRaisedTo(r, LIMIT + 1);
  }

  @Test
  void a9646AMinuteBeforeTheRcaLogShowsTheSessionsItMetStillSeesThem() {
    // The event log's clock is a minute behind: by the RCA log the user's 32nd session connected 30
    // s
    // after the event that refused the 33rd. JOIN_SKEW (2 min) covers the difference.
    Fixture f = new Fixture();
    var a = f.start(SERVER, USER, Fixture.at(0, 8, 0), "10.1.2.10", Fixture.OUTLOOK, 11);
    var b = f.start(SERVER, USER, Fixture.at(0, 8, 10), "10.1.2.11", Fixture.OUTLOOK, 11);
    var c = f.start(SERVER, USER, Fixture.at(0, 8, 20), "10.1.3.5", Fixture.OUTLOOK, 9);
    f.use(a, Fixture.at(0, 8, 30)).use(b, Fixture.at(0, 8, 31)).use(c, Fixture.at(0, 8, 32));
    var last =
        f.start(SERVER, USER, Fixture.at(0, 10, 0).plusSeconds(30), "10.1.3.5", Fixture.OUTLOOK, 1);
    f.limitEvent(COMPUTER, Fixture.at(0, 10, 0), USER, LIMIT);
    for (var s : List.of(a, b, c, last)) {
      f.use(s, Fixture.at(0, 12, 0)).close(s, Fixture.at(0, 17, 0));
    }
    AnalysisResult r = f.analyze();

    SessionSummary.UserSessions u = user(r, USER);
    assertThat(u.refusals().attempts()).isEqualTo(1);
    assertThat(u.refusals().openAtWorst()).isEqualTo(LIMIT);
    assertThat(u.refusals().inUseAtWorst()).isEqualTo(LIMIT);
    assertRaisedTo(r, LIMIT + 1);
  }

  @Test
  void serviceSessionEventsAreNotJoinedToRcaSessionsButStillMakeAFinding() {
    // Two desks with 9 sessions each: 18 MAPI sessions, above the service cap of 16, all in use.
    Fixture f = new Fixture();
    var a = f.start(SERVER, "mobile", Fixture.at(0, 8, 0), "10.1.2.10", Fixture.OUTLOOK, 9);
    var b = f.start(SERVER, "mobile", Fixture.at(0, 8, 10), "10.1.2.11", Fixture.OUTLOOK, 9);
    f.use(a, Fixture.at(0, 8, 30)).use(b, Fixture.at(0, 8, 31));
    for (int i = 0; i < 5; i++) {
      f.limitEvent(
          COMPUTER, Fixture.at(0, 9, 10 * i), "mobile", ExchangeDefaults.SERVICE_SESSIONS_PER_USER);
    }
    f.close(a, Fixture.at(0, 17, 0)).close(b, Fixture.at(0, 17, 0));
    SessionLogTest.Collected log = new SessionLogTest.Collected();
    AnalysisResult r = f.analyze(log);

    assertThat(r.limitEvents().total()).isEqualTo(5);
    SessionSummary.UserSessions u = user(r, "mobile");
    assertThat(u.refusals().attempts()).isZero();
    assertThat(u.refusals().worstAt()).isNull();
    assertThat(log.streams).isEmpty();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
    assertThat(findingsOf(r, "mobile"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.cause()).isEqualTo(Cause.SESSION_HUNGRY_CLIENT);
              assertThat(x.confidence()).isEqualTo(UndecidedRule.UNDECIDED).isEqualTo(0.3);
              assertThat(x.remedies())
                  .extracting(Remedy::action)
                  .containsExactly(Remedy.Action.COLLECT_EVIDENCE);
              assertThat(x.summary()).contains("service sessions");
            });
  }

  @Test
  void atTheLimitWithoutRefusalsIsNoFinding() {
    // The fixture above without any refusal: 32 sessions in use all day prove no need beyond the
    // limit.
    AnalysisResult r = fullAllDay().analyze();
    assertThat(user(r, USER).peakConcurrent()).isEqualTo(LIMIT);
    assertThat(user(r, USER).refusals().attempts()).isZero();
    assertThat(findingsOf(r, USER)).isEmpty();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
  }
}
