package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * DEAD_CLIENT_SESSIONS without refusals needs the leftovers to pile up to half the limit
 * (docs/diagnosis.md, "Cause rules"): a laptop that sleeps now and then leaves a handful for
 * keepalive to reap, and that is keepalive working. With a 9646 the same leftovers make a finding.
 */
class DeadClientGateTest {

  private static final String SERVER = "ex01";

  /**
   * A laptop moving to a new address every 20 minutes, each time leaving {@code perStart} sessions
   * behind; the server (KeepAliveTime 30 min) reaps them 30 min after the client vanished, after
   * the move.
   */
  private static Fixture roamingLaptop(int perStart) {
    Fixture f = new Fixture().keepAlive(Duration.ofMinutes(30));
    f.setting(SERVER, ExchangeDefaults.KEEP_ALIVE_TIME, "1800000");
    for (int k = 0; k < 4; k++) {
      var s =
          f.start(
              SERVER,
              "jdoe",
              Fixture.at(0, 8, 20 * k),
              "10.8.0." + (20 + k),
              Fixture.OUTLOOK,
              perStart);
      f.vanish(s, Fixture.at(0, 8, 20 * k + 1));
    }
    return f;
  }

  private static List<Finding> findingsOf(AnalysisResult r) {
    return r.findings().stream().filter(f -> f.subject().equals("jdoe")).toList();
  }

  private static SessionSummary.UserSessions jdoe(AnalysisResult r) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals("jdoe"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void leftoversThatNeverPileToHalfTheLimitMakeNoFinding() {
    AnalysisResult r = roamingLaptop(2).analyze();

    assertThat(jdoe(r).stale()).isGreaterThanOrEqualTo(Thresholds.DEAD_MIN_STALE);
    assertThat(jdoe(r).peakConcurrent())
        .isLessThan((int) (ExchangeDefaults.SESSIONS_PER_USER * Thresholds.DEAD_WARNING_FRACTION));
    assertThat(findingsOf(r)).isEmpty();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void theSameLeftoversWithA9646MakeAFinding() {
    Fixture f = roamingLaptop(2);
    f.limitEvent(
        "EX01.contoso.com", Fixture.at(0, 10, 30), "jdoe", ExchangeDefaults.SESSIONS_PER_USER);
    AnalysisResult r = f.analyze();

    assertThat(findingsOf(r))
        .extracting(Finding::cause)
        .containsExactly(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(findingsOf(r).get(0).confidence()).isGreaterThan(UndecidedRule.UNDECIDED);
    assertThat(r.recommendations().sessionLimit()).isEmpty();
  }

  @Test
  void leftoversPilingToHalfTheLimitMakeAFindingWithoutRefusals() {
    AnalysisResult r = roamingLaptop(8).analyze();

    assertThat(jdoe(r).peakConcurrent())
        .isGreaterThanOrEqualTo(
            (int) (ExchangeDefaults.SESSIONS_PER_USER * Thresholds.DEAD_WARNING_FRACTION));
    assertThat(findingsOf(r))
        .extracting(Finding::cause)
        .containsExactly(Cause.DEAD_CLIENT_SESSIONS);
  }
}
