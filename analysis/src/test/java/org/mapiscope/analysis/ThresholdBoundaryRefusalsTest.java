package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Thresholds that join refusals to sessions and to each other (RETRY_WINDOW, BURST_GAP, JOIN_SKEW,
 * HISTORY_FLOOR, SAME_MOMENT, LEGITIMATE_MAX_STALE_SHARE) tested just below, at and just above
 * their values, in the style of {@link ThresholdBoundaryTest}.
 */
class ThresholdBoundaryRefusalsTest {

  private static final String SERVER = "ex01";
  private static final String COMPUTER = "EX01.contoso.com";
  private static final String USER = "ceo";
  private static final int LIMIT = ExchangeDefaults.SESSIONS_PER_USER;
  private static final Instant START = Fixture.at(0, 8, 0);

  private static SessionSummary.UserSessions user(AnalysisResult r) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals(USER))
        .findFirst()
        .orElseThrow();
  }

  /**
   * One client start of {@code sessions} sessions at 08:00, used at 08:30, closed at {@code end}.
   */
  private static Fixture holding(int sessions, Instant end) {
    Fixture f = new Fixture();
    var s = f.start(SERVER, USER, START, "10.1.2.10", Fixture.OUTLOOK, sessions);
    f.use(s, Fixture.at(0, 8, 30));
    f.close(s, end);
    return f;
  }

  // ---------------------------------------------------------------- retries and bursts

  @Test
  void refusalsFortyFiveSecondsApartCanBeOneClientsRetries() {
    // RETRY_WINDOW (45 s): points less than 45 s apart are distinct attempts.
    assertThat(RefusalJoin.mostWithinWindow(List.of(0L, 44_999L))).isEqualTo(2);
    assertThat(RefusalJoin.mostWithinWindow(List.of(0L, 45_000L))).isOne();
    assertThat(RefusalJoin.mostWithinWindow(List.of(0L, 45_001L))).isOne();
  }

  /** Two 9646 {@code gap} apart while the user holds ten sessions all day. */
  private static int attemptsWithGap(Duration gap) {
    Fixture f = holding(10, Fixture.at(0, 17, 0));
    Instant t = Fixture.at(0, 10, 0);
    f.limitEvent(COMPUTER, t, USER, LIMIT);
    f.limitEvent(COMPUTER, t.plus(gap), USER, LIMIT);
    return user(f.analyze()).refusals().attempts();
  }

  @Test
  void refusalsTwoMinutesApartBelongToOneBurst() {
    // BURST_GAP (2 minutes): a gap ≤ 2 minutes stays in the burst, where the two events (more
    // than RETRY_WINDOW apart) are one attempt retried; a longer gap starts another burst.
    assertThat(attemptsWithGap(Duration.ofSeconds(119))).isOne();
    assertThat(attemptsWithGap(Duration.ofSeconds(120))).isOne();
    assertThat(attemptsWithGap(Duration.ofSeconds(121))).isEqualTo(2);
  }

  // ---------------------------------------------------------------- joining to sessions

  /**
   * Ten sessions closed at 09:00 (the last millisecond open is 08:59:59.999), and one 9646 {@code
   * after} that millisecond: the sessions the refusal met.
   */
  private static int openAtA9646After(Duration after) {
    Fixture f = holding(10, Fixture.at(0, 9, 0));
    f.limitEvent(COMPUTER, Fixture.at(0, 9, 0).minusMillis(1).plus(after), USER, LIMIT);
    return user(f.analyze()).refusals().openAtWorst();
  }

  @Test
  void a9646JoinsTheSessionsOfTwoMinutesBefore() {
    // JOIN_SKEW (2 minutes): a moment within ≤ 2 minutes of the event counts.
    Duration skew = Duration.ofMinutes(2);
    assertThat(openAtA9646After(skew.minusMillis(1))).isEqualTo(10);
    assertThat(openAtA9646After(skew)).isEqualTo(10);
    // Beyond it the event meets no session: not covered by the RCA log.
    assertThat(openAtA9646After(skew.plusMillis(1))).isEqualTo(-1);
  }

  /** {@code sessions} sessions open all day and one 9646 at 10:00. */
  private static int openAtA9646Holding(int sessions) {
    Fixture f = holding(sessions, Fixture.at(0, 17, 0));
    f.limitEvent(COMPUTER, Fixture.at(0, 10, 0), USER, LIMIT);
    return user(f.analyze()).refusals().openAtWorst();
  }

  @Test
  void aRefusalIsCoveredOnceTheUserHoldsEightSessions() {
    // HISTORY_FLOOR (8): below it the sessions are not recorded and the refusal is not covered.
    assertThat(openAtA9646Holding(7)).isEqualTo(-1);
    assertThat(openAtA9646Holding(8)).isEqualTo(8);
    assertThat(openAtA9646Holding(9)).isEqualTo(9);
  }

  // ---------------------------------------------------------------- other failures

  private static final String LOGIN_PERM = "1010 (rpc::LoginPerm)";

  /** A LoginPerm failure at 09:00 and a 9646 {@code after} it. */
  private static long otherFailuresWithA9646After(Duration after) {
    Fixture f = holding(3, Fixture.at(0, 17, 0));
    Instant t = Fixture.at(0, 9, 0);
    f.failedRow(SERVER, USER, t, "10.1.2.10", Fixture.OUTLOOK, LOGIN_PERM);
    f.limitEvent(COMPUTER, t.plus(after), USER, LIMIT);
    return user(f.analyze()).refusals().otherFailedConnects();
  }

  @Test
  void aFailureFiveSecondsFromA9646WasTheLimit() {
    // SAME_MOMENT (5 s), inclusive on both sides.
    assertThat(otherFailuresWithA9646After(Duration.ofMillis(4_999))).isZero();
    assertThat(otherFailuresWithA9646After(Duration.ofSeconds(5))).isZero();
    assertThat(otherFailuresWithA9646After(Duration.ofMillis(5_001))).isOne();
    assertThat(otherFailuresWithA9646After(Duration.ofSeconds(-5))).isZero();
    assertThat(otherFailuresWithA9646After(Duration.ofMillis(-5_001))).isOne();
  }

  // ---------------------------------------------------------------- legitimate demand

  /**
   * Under a limit of {@code limit}: a laptop opens three sessions at 08:00 and vanishes (they are
   * reaped two hours later); the desk opens the rest of the limit at 08:05 and uses them all day;
   * at 09:00 the server refuses one more. Three of the {@code limit} held are leftovers, too few
   * for a dead-client finding (DEAD_MIN_STALE).
   */
  private static AnalysisResult threeLeftBehindUnder(int limit) {
    Fixture f = new Fixture();
    f.setting(SERVER, ExchangeDefaults.MAX_SESSIONS_PER_USER, Integer.toString(limit));
    var laptop = f.start(SERVER, USER, START, "10.8.0.1", Fixture.OUTLOOK, 3);
    f.vanish(laptop, Fixture.at(0, 8, 1));
    var desk = f.start(SERVER, USER, Fixture.at(0, 8, 5), "10.1.2.10", Fixture.OUTLOOK, limit - 3);
    for (int minute = 10; minute < 9 * 60; minute += 10) {
      f.use(desk, START.plus(Duration.ofMinutes(minute)));
    }
    f.close(desk, Fixture.at(0, 17, 0));
    Instant refused = Fixture.at(0, 9, 0);
    f.refusedRow(SERVER, USER, refused, "10.1.2.10", Fixture.OUTLOOK);
    f.limitEvent(COMPUTER, refused, USER, limit);
    return f.analyze();
  }

  @Test
  void aRefusalWithAQuarterOfTheSessionsLeftBehindIsStillLegitimateDemand() {
    // LEGITIMATE_MAX_STALE_SHARE (0.25): 3 stale of 11 is more than a quarter, of 12 exactly a
    // quarter, of 13 less.
    for (int limit = 11; limit <= 13; limit++) {
      AnalysisResult r = threeLeftBehindUnder(limit);
      assertThat(user(r).refusals().openAtWorst()).isEqualTo(limit);
      assertThat(user(r).refusals().inUseAtWorst()).isEqualTo(limit - 3);
    }
    assertThat(threeLeftBehindUnder(11).recommendations().sessionLimit()).isEmpty();
    assertThat(threeLeftBehindUnder(11).findings())
        .noneMatch(x -> x.cause() == Cause.LIMIT_BELOW_NEED);
    assertThat(threeLeftBehindUnder(12).findings())
        .anyMatch(x -> x.cause() == Cause.LIMIT_BELOW_NEED);
    assertThat(threeLeftBehindUnder(12).recommendations().sessionLimit())
        .singleElement()
        .satisfies(l -> assertThat(l.demand()).isEqualTo(13));
    assertThat(threeLeftBehindUnder(13).recommendations().sessionLimit())
        .singleElement()
        .satisfies(l -> assertThat(l.demand()).isEqualTo(14));
  }
}
