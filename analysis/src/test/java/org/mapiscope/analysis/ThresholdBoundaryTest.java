package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;

/**
 * Each threshold in {@link Thresholds} tested just below, at and just above its value, through the
 * smallest piece that decides with it. Restarts (RESTART_*) are covered in {@link
 * SessionEndingsTest}; left-behind sessions in {@link ThresholdBoundaryLeftoversTest}, refusals in
 * {@link ThresholdBoundaryRefusalsTest}, clients and fullness in {@link
 * ThresholdBoundaryClientsTest}.
 */
class ThresholdBoundaryTest {

  private static long min(int minutes) {
    return Duration.ofMinutes(minutes).toMillis();
  }

  private static long minSec(int minutes, int seconds) {
    return min(minutes) + seconds * 1000L;
  }

  // ---------------------------------------------------------------- raised limits

  @Test
  void raisedLimitMarginIsTwoUntilTenPercentIsMore() {
    // RAISE_MARGIN_MIN (2) against RAISE_MARGIN_FRACTION (10%): they are equal at a demand of 20.
    assertThat(Thresholds.raisedLimit(19)).isEqualTo(19 + 2);
    assertThat(Thresholds.raisedLimit(20)).isEqualTo(20 + 2);
    assertThat(Thresholds.raisedLimit(21)).isEqualTo(21 + 3);
  }

  // ---------------------------------------------------------------- reaping

  @Test
  void reapToleranceIsTenMinutesUntilATenthOfTheDeadPeerTimeIsMore() {
    assertThat(Thresholds.reapToleranceMs(min(99))).isEqualTo(min(10));
    assertThat(Thresholds.reapToleranceMs(min(100))).isEqualTo(min(10));
    assertThat(Thresholds.reapToleranceMs(min(101))).isEqualTo(minSec(10, 6));
  }

  /** Dead-peer time of 100 minutes: the tolerance is exactly REAP_TOLERANCE (10 minutes). */
  private static final long D = min(100);

  private static Lingering one(long idleMs, long afterMoveMs) {
    Lingering l = new Lingering();
    l.add(idleMs, afterMoveMs);
    return l;
  }

  @Test
  void aSessionEndingWithinTheCleanCloseWindowWasClosedByItsClient() {
    // CLEAN_CLOSE_WINDOW (10 minutes after the move), measured in 5-minute buckets.
    assertThat(one(min(120), minSec(9, 59)).reaped(D)).isZero();
    assertThat(one(min(120), min(10)).reaped(D)).isOne();
    assertThat(one(min(120), minSec(10, 1)).reaped(D)).isOne();
  }

  @Test
  void aReapedSessionWasIdleAtLeastTheDeadPeerTimeLessTheTolerance() {
    // idle ≥ D − REAP_TOLERANCE = 90 minutes
    assertThat(one(minSec(89, 59), min(60)).reaped(D)).isZero();
    assertThat(one(min(90), min(60)).reaped(D)).isOne();
    assertThat(one(minSec(90, 1), min(60)).reaped(D)).isOne();
  }

  @Test
  void aSessionEndingLaterThanTheDeadPeerTimeAndTheToleranceOutlivedKeepalive() {
    // after the move ≤ D + REAP_TOLERANCE = 110 minutes; the next 5-minute bucket is beyond it.
    assertThat(one(min(120), min(105)).reaped(D)).isOne();
    assertThat(one(min(120), min(110)).reaped(D)).isOne();
    assertThat(one(min(120), min(110)).outlived(D)).isZero();
    assertThat(one(min(120), min(115)).reaped(D)).isZero();
    assertThat(one(min(120), min(115)).outlived(D)).isOne();
  }

  @Test
  void aSessionAliveTwiceTheDeadPeerTimeAfterTheMoveWasHeld() {
    // HELD_FACTOR (2.0): 200 minutes after the move.
    assertThat(one(min(300), minSec(199, 59)).held(D)).isZero();
    assertThat(one(min(300), min(200)).held(D)).isOne();
    assertThat(one(min(300), minSec(200, 1)).held(D)).isOne();
  }

  // ---------------------------------------------------------------- causes

  private static Set<Cause> causesOf(AnalysisResult r, String subject) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(subject))
        .map(Finding::cause)
        .collect(Collectors.toSet());
  }

  /** One non-Outlook client start opening {@code sessions} sessions and using them. */
  private static AnalysisResult indexer(int sessions) {
    Fixture f = new Fixture();
    var s =
        f.start(
            "ex01", "asmith", Fixture.at(0, 9, 0), "10.1.1.50", "SearchProtocolHost.exe", sessions);
    f.use(s, Fixture.at(0, 9, 10));
    f.close(s, Fixture.at(0, 10, 0));
    return f.analyze();
  }

  @Test
  void oneClientWithTwelveActiveSessionsIsSessionHungry() {
    // HUNGRY_MIN_ACTIVE (12)
    assertThat(causesOf(indexer(11), "asmith")).doesNotContain(Cause.SESSION_HUNGRY_CLIENT);
    assertThat(causesOf(indexer(12), "asmith")).contains(Cause.SESSION_HUNGRY_CLIENT);
    assertThat(causesOf(indexer(13), "asmith")).contains(Cause.SESSION_HUNGRY_CLIENT);
  }

  private static AnalysisResult delegate(int mailboxes) {
    return Scenarios.blackBerry(new Fixture(), "ex01", "besadmin", mailboxes).analyze();
  }

  @Test
  void anAccountLoggingOnToTenOtherMailboxesIsAServiceAccount() {
    // SERVICE_MIN_MAILBOXES (10); 9 active sessions stay under HIGH_WATER_FRACTION of the limit.
    assertThat(causesOf(delegate(9), "besadmin")).doesNotContain(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causesOf(delegate(10), "besadmin")).contains(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causesOf(delegate(11), "besadmin")).contains(Cause.SERVICE_ACCOUNT_NEED);
  }
}
