package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Thresholds of left-behind sessions (DEAD_MIN_STALE, SNAPSHOT_STALE_IDLE, RECENTLY_ACTIVE,
 * MIDDLEBOX_MIN_USERS) tested just below, at and just above their values, in the style of {@link
 * ThresholdBoundaryTest}.
 */
class ThresholdBoundaryLeftoversTest {

  private static final String SERVER = "ex01";
  private static final String USER = "jdoe";
  private static final Instant CAPTURE = Fixture.at(0, 12, 0);

  private static Duration minSec(int minutes, int seconds) {
    return Duration.ofMinutes(minutes).plusSeconds(seconds);
  }

  private static Set<Cause> causesOf(AnalysisResult r, String subject) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(subject))
        .map(Finding::cause)
        .collect(Collectors.toSet());
  }

  /**
   * One logon snapshot of a user refused by the limit (a 9646 the same morning): one logon opened a
   * minute before the capture and used {@code freshIdle} before it, beside {@code stale} logons
   * opened at 08:00 and idle {@code staleIdle}, each from its own address.
   */
  private static AnalysisResult snapshot(int stale, Duration staleIdle, Duration freshIdle) {
    Fixture f = new Fixture();
    f.limitEvent(
        "EX01.contoso.com", Fixture.at(0, 11, 0), USER, ExchangeDefaults.SESSIONS_PER_USER);
    f.snapshot(
        SERVER,
        CAPTURE,
        USER,
        CAPTURE.minus(Duration.ofMinutes(1)),
        CAPTURE.minus(freshIdle),
        "10.8.0.1",
        USER);
    for (int i = 0; i < stale; i++) {
      f.snapshot(
          SERVER,
          CAPTURE,
          USER,
          Fixture.at(0, 8, 0),
          CAPTURE.minus(staleIdle),
          "10.8.1." + (10 + i),
          USER);
    }
    return f.analyze();
  }

  private static AnalysisResult snapshot(int stale) {
    return snapshot(stale, Duration.ofHours(1), Duration.ZERO);
  }

  /**
   * Sessions the DEAD_CLIENT_SESSIONS finding counts as left behind, or 0 without one (an undecided
   * finding names the same cause but carries no such facts).
   */
  private static int leftBehind(AnalysisResult r) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(USER))
        .map(Finding::facts)
        .filter(FindingFacts.DeadClients.class::isInstance)
        .map(f -> ((FindingFacts.DeadClients) f).leftBehind())
        .findFirst()
        .orElse(0);
  }

  // ---------------------------------------------------------------- dead clients

  @Test
  void fourStaleSessionsMakeADeadClientFinding() {
    // DEAD_MIN_STALE (4): proof < 4 makes no finding.
    assertThat(leftBehind(snapshot(3))).isZero();
    assertThat(leftBehind(snapshot(4))).isEqualTo(4);
    assertThat(leftBehind(snapshot(5))).isEqualTo(5);
  }

  @Test
  void aSnapshotLogonIdleThirtyMinutesBesideAFreshOneIsStale() {
    // SNAPSHOT_STALE_IDLE (30 minutes): idle ≥ 30 minutes is stale.
    Duration fresh = Duration.ZERO;
    assertThat(leftBehind(snapshot(4, minSec(29, 59), fresh))).isZero();
    assertThat(leftBehind(snapshot(4, minSec(30, 0), fresh))).isEqualTo(4);
    assertThat(leftBehind(snapshot(4, minSec(30, 1), fresh))).isEqualTo(4);
  }

  @Test
  void aSnapshotLogonUsedFifteenMinutesAgoIsRecentlyActive() {
    // RECENTLY_ACTIVE (15 minutes): idle ≤ 15 minutes is in use; stale logons count only beside
    // one.
    Duration stale = Duration.ofHours(1);
    assertThat(leftBehind(snapshot(4, stale, minSec(14, 59)))).isEqualTo(4);
    assertThat(leftBehind(snapshot(4, stale, minSec(15, 0)))).isEqualTo(4);
    assertThat(leftBehind(snapshot(4, stale, minSec(15, 1)))).isZero();
  }

  // ---------------------------------------------------------------- middleboxes

  private static AnalysisResult branchOffice(int users) {
    return Scenarios.riverbed(new Fixture(), SERVER, Scenarios.names("branch", users)).analyze();
  }

  @Test
  void anAddressHoldingSessionsOfFiveUsersIsAMiddlebox() {
    // MIDDLEBOX_MIN_USERS (5)
    assertThat(causesOf(branchOffice(4), "branch1")).doesNotContain(Cause.MIDDLEBOX_HOLDING);
    assertThat(causesOf(branchOffice(5), "branch1")).contains(Cause.MIDDLEBOX_HOLDING);
    assertThat(causesOf(branchOffice(6), "branch1")).contains(Cause.MIDDLEBOX_HOLDING);
  }
}
