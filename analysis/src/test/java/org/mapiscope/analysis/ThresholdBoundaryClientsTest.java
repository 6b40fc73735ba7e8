package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Thresholds about a user's clients and how full they keep the limit (START_GAP,
 * ROAMING_ONE_TIME_ADDRESSES, DEAD_WARNING_FRACTION, HIGH_WATER_FRACTION, OBJECT_LIMIT_STEP) tested
 * just below, at and just above their values, in the style of {@link ThresholdBoundaryTest}.
 */
class ThresholdBoundaryClientsTest {

  private static final String SERVER = "ex01";
  private static final String COMPUTER = "EX01.contoso.com";
  private static final String USER = "jdoe";
  private static final int LIMIT = ExchangeDefaults.SESSIONS_PER_USER;

  private static SessionSummary.UserSessions user(AnalysisResult r, String user) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals(user))
        .findFirst()
        .orElseThrow();
  }

  private static Set<Cause> causesOf(AnalysisResult r, String subject) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(subject))
        .map(Finding::cause)
        .collect(Collectors.toSet());
  }

  private static Optional<Finding> deadClients(AnalysisResult r) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(USER))
        .filter(f -> f.facts() instanceof FindingFacts.DeadClients)
        .findFirst();
  }

  // ---------------------------------------------------------------- restarts

  /**
   * Outlook opens one session at 08:00 and never uses it again; Outlook on the same machine logs on
   * again {@code gap} later and is still used an hour later, when the logs end. Nothing ever ends,
   * so a left-behind session is open an hour after it was superseded: within keepalive.
   */
  private static int staleAfterRestart(Duration gap) {
    Fixture f = new Fixture();
    Instant t = Fixture.at(0, 8, 0);
    f.start(SERVER, USER, t, "10.1.2.10", Fixture.OUTLOOK, 1);
    var again = f.start(SERVER, USER, t.plus(gap), "10.1.2.10", Fixture.OUTLOOK, 1);
    f.use(again, t.plus(gap).plus(Duration.ofHours(1)));
    return user(f.analyze(), USER).stale();
  }

  @Test
  void outlookLoggingOnAgainMoreThanTwoMinutesLaterLeftTheEarlierStartBehind() {
    // START_GAP (2 minutes): the earlier session must have started and been silent strictly
    // before the new logon less 2 minutes.
    assertThat(staleAfterRestart(Duration.ofSeconds(119))).isZero();
    assertThat(staleAfterRestart(Duration.ofSeconds(120))).isZero();
    assertThat(staleAfterRestart(Duration.ofSeconds(121))).isOne();
  }

  // ---------------------------------------------------------------- roaming

  /**
   * A laptop at its desk address on two days, and on the first day at {@code roaming} addresses
   * used that day only, vanishing from each after 20 minutes; refused once on the second day.
   */
  private static AnalysisResult roaming(int oneTimeAddresses) {
    Fixture f = new Fixture();
    var desk = f.start(SERVER, USER, Fixture.at(0, 7, 0), "10.1.2.10", Fixture.OUTLOOK, 4);
    f.vanish(desk, Fixture.at(0, 7, 1));
    for (int k = 0; k < oneTimeAddresses; k++) {
      Instant t = Fixture.at(0, 12, 20 * k);
      var s = f.start(SERVER, USER, t, "10.8.0." + (20 + k), Fixture.OUTLOOK, 4);
      f.vanish(s, t.plusSeconds(60));
    }
    var again = f.start(SERVER, USER, Fixture.at(1, 8, 0), "10.1.2.10", Fixture.OUTLOOK, 4);
    f.close(again, Fixture.at(1, 17, 0));
    f.limitEvent(COMPUTER, Fixture.at(1, 10, 0), USER, LIMIT);
    return f.analyze();
  }

  @Test
  void threeAddressesUsedOnOneDayOnlyMeanRoaming() {
    // ROAMING_ONE_TIME_ADDRESSES (3)
    for (int n = 2; n <= 4; n++) {
      Finding dead = deadClients(roaming(n)).orElseThrow();
      assertThat(((FindingFacts.DeadClients) dead.facts()).oneTimeAddresses()).isEqualTo(n);
      if (n < Thresholds.ROAMING_ONE_TIME_ADDRESSES) {
        assertThat(dead.summary()).doesNotContain("VPN or roaming");
      } else {
        assertThat(dead.summary()).contains(n + " of them used on a single day only");
      }
    }
    double below = deadClients(roaming(2)).orElseThrow().confidence();
    assertThat(deadClients(roaming(3)).orElseThrow().confidence()).isGreaterThan(below);
    assertThat(deadClients(roaming(4)).orElseThrow().confidence())
        .isEqualTo(deadClients(roaming(3)).orElseThrow().confidence());
  }

  // ---------------------------------------------------------------- dead clients without 9646

  /**
   * A laptop moving to a new address every 20 minutes without refusals: its first start opens
   * {@code first} sessions, the three later ones two each; all vanish a minute after starting and
   * are reaped 30 minutes later, so the first start overlaps the second only.
   */
  private static AnalysisResult pilingUp(int first) {
    Fixture f = new Fixture().keepAlive(Duration.ofMinutes(30));
    f.setting(SERVER, ExchangeDefaults.KEEP_ALIVE_TIME, "1800000");
    for (int k = 0; k < 4; k++) {
      var s =
          f.start(
              SERVER,
              USER,
              Fixture.at(0, 8, 20 * k),
              "10.8.0." + (20 + k),
              Fixture.OUTLOOK,
              k == 0 ? first : 2);
      f.vanish(s, Fixture.at(0, 8, 20 * k + 1));
    }
    return f.analyze();
  }

  @Test
  void leftoversWithoutRefusalsMakeAFindingAtHalfTheLimit() {
    // DEAD_WARNING_FRACTION (0.5 of 32 = 16 held at once); below it no finding.
    int half = (int) (LIMIT * Thresholds.DEAD_WARNING_FRACTION);
    AnalysisResult below = pilingUp(half - 3);
    AnalysisResult at = pilingUp(half - 2);
    AnalysisResult above = pilingUp(half - 1);
    assertThat(user(below, USER).peakConcurrent()).isEqualTo(half - 1);
    assertThat(user(at, USER).peakConcurrent()).isEqualTo(half);
    assertThat(user(above, USER).peakConcurrent()).isEqualTo(half + 1);
    assertThat(deadClients(below)).isEmpty();
    assertThat(deadClients(at)).isPresent();
    assertThat(deadClients(above)).isPresent();
  }

  // ---------------------------------------------------------------- service accounts

  /** A BlackBerry agent using {@code sessions} sessions to its own mailbox all day. */
  private static AnalysisResult agent(int sessions) {
    Fixture f = new Fixture();
    var s =
        f.start(
            SERVER,
            "besadmin",
            Fixture.at(0, 6, 0),
            "10.0.0.20",
            "BlackBerry Messaging Agent",
            sessions);
    for (int hour = 7; hour < 20; hour++) {
      f.use(s, Fixture.at(0, hour, 0));
    }
    return f.analyze();
  }

  @Test
  void serviceSoftwareKeepingHalfTheLimitActiveIsAServiceAccount() {
    // HIGH_WATER_FRACTION (0.5 of 32 = 16 active at once), with fewer than SERVICE_MIN_MAILBOXES.
    assertThat(user(agent(15), "besadmin").peakActive()).isEqualTo(15);
    assertThat(causesOf(agent(15), "besadmin")).doesNotContain(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causesOf(agent(16), "besadmin")).contains(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causesOf(agent(17), "besadmin")).contains(Cause.SERVICE_ACCOUNT_NEED);
  }

  // ---------------------------------------------------------------- object caps

  @Test
  void anObjectCapIsRaisedByOneStep() {
    // OBJECT_LIMIT_STEP (100): a step added to the cap in the event, not a comparison.
    AnalysisResult r = Scenarios.folderLeak(new Fixture(), SERVER, USER).analyze();
    assertThat(r.findings())
        .flatExtracting(Finding::remedies)
        .filteredOn(x -> x.action() == Remedy.Action.RAISE_OBJECT_LIMIT)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.title()).endsWith("by 100 to 600");
              assertThat(x.changes())
                  .singleElement()
                  .isInstanceOfSatisfying(
                      FixChange.RegistryDword.class,
                      c -> assertThat(c.newValue()).isEqualTo(500 + Thresholds.OBJECT_LIMIT_STEP));
            });
  }
}
