package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;

/**
 * docs/domain.md: a fixed machine with a normal number of sessions and clean disconnects is
 * legitimate concurrency, even when Outlook starts again on it while an earlier start's sessions
 * are open.
 */
class FixedDesktopTest {

  private static final String DESK = "10.10.0.17";

  @Test
  void overlappingStartsOnOneDesktopWithCleanDisconnectsMakeNoFinding() {
    Fixture f = new Fixture();
    // Each start's sessions close 40 minutes after the next start: inside keepalive, so they
    // look reaped, yet nothing was refused and the machine never changed.
    for (int i = 0; i < 4; i++) {
      Fixture.Start s =
          f.start("ex01", "rstewart", Fixture.at(0, 8 + 2 * i, 0), DESK, Fixture.OUTLOOK, 2);
      f.close(s, Fixture.at(0, 10 + 2 * i, 40));
    }

    AnalysisResult r = f.analyze();

    assertThat(r.findings()).isEmpty();
  }

  @Test
  void anEarlierStartStillOpenLongAfterKeepaliveWasAliveNotLeftBehind() {
    Fixture f = new Fixture();
    Fixture.Start first =
        f.start("ex01", "rstewart", Fixture.at(0, 18, 28), DESK, Fixture.OUTLOOK, 2);
    Fixture.Start second =
        f.start("ex01", "rstewart", Fixture.at(0, 20, 37), DESK, Fixture.OUTLOOK, 2);
    Fixture.Start third =
        f.start("ex01", "rstewart", Fixture.at(0, 22, 53), DESK, Fixture.OUTLOOK, 2);
    f.start(
        "ex01",
        "someone",
        Fixture.at(1, 0, 0),
        "10.10.0.30",
        Fixture.OUTLOOK,
        1); // evidence ends here

    AnalysisResult r = f.analyze();

    assertThat(r.findings()).isEmpty();
    assertThat(
            r.sessions().byUser().stream()
                .filter(u -> u.user().equals("rstewart"))
                .findFirst()
                .orElseThrow()
                .stale())
        .as("the first start outlived keepalive by hours: its client was alive")
        .isZero();
    assertThat(first).isNotSameAs(second).isNotSameAs(third);
  }

  @Test
  void movesToOtherAddressesMakeTheFindingOnceLeftoversPileUp() {
    Fixture f = new Fixture().keepAlive(Duration.ofHours(2));
    for (int i = 0; i < 8; i++) {
      Fixture.Start s =
          f.start(
              "ex01", "jdoe", Fixture.at(0, 8, 20 * i), "10.200.0." + (i + 1), Fixture.OUTLOOK, 3);
      f.vanish(s, Fixture.at(0, 8, 20 * i + 10));
    }
    f.start("ex01", "jdoe", Fixture.at(0, 11, 5), "10.200.0.99", Fixture.OUTLOOK, 3);

    AnalysisResult r = f.analyze();

    assertThat(r.findings()).extracting(Finding::cause).contains(Cause.DEAD_CLIENT_SESSIONS);
  }

  @Test
  void aFewMovesWhoseLeftoversKeepaliveReapsInTimeAreNoFinding() {
    Fixture f = new Fixture().keepAlive(Duration.ofHours(2));
    for (int i = 0; i < 4; i++) {
      Fixture.Start s =
          f.start(
              "ex01", "jdoe", Fixture.at(0, 8 + i, 0), "10.200.0." + (i + 1), Fixture.OUTLOOK, 2);
      f.vanish(s, Fixture.at(0, 8 + i, 10));
    }
    f.start("ex01", "jdoe", Fixture.at(0, 12, 5), "10.200.0.9", Fixture.OUTLOOK, 2);

    AnalysisResult r = f.analyze();

    assertThat(r.findings())
        .as("never more than 6 sessions held, no refusal: keepalive did its job")
        .isEmpty();
  }

  @Test
  void aLaptopThatSleepsThreeTimesADayIsKeepaliveDoingItsJob() {
    Fixture f = new Fixture().keepAlive(Duration.ofHours(2));
    for (int i = 0; i < 3; i++) {
      Fixture.Start s =
          f.start(
              "ex01",
              "jdoe",
              Fixture.at(0, 8 + 3 * i, 0),
              "10.200.1." + (i + 1),
              Fixture.OUTLOOK,
              4);
      f.vanish(s, Fixture.at(0, 9 + 3 * i, 0));
      Fixture.Start again =
          f.start(
              "ex01",
              "jdoe",
              Fixture.at(0, 9 + 3 * i, 30),
              "10.200.2." + (i + 1),
              Fixture.OUTLOOK,
              4);
      f.close(again, Fixture.at(0, 10 + 3 * i, 45));
    }

    AnalysisResult r = f.analyze();

    assertThat(r.findings())
        .as("8 sessions at most, 12 left behind over the day, no refusal")
        .isEmpty();
  }
}
