package org.mapiscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A scenario's work is known before it runs, and a bad duration is reported once. */
class WorkEstimateTest {

  private static String scenario(String duration) {
    return "{\"duration\": "
        + duration
        + ", \"populations\": [{\"name\": \"a\", \"users\": 10, \"startsPerHour\": 2,"
        + " \"sessionsPerStart\": 3, \"holding\": {\"mean\": \"1h\"}},{\"name\": \"b\", \"users\":"
        + " 5, \"startsPerHour\": 0.5, \"holding\": {\"mean\": \"1h\"}}]}";
  }

  @Test
  void estimateIsUsersTimesRateTimesSessionsTimesHours() throws ScenarioException {
    WorkEstimate work = WorkEstimate.of(ScenarioParser.parse(scenario("\"1d\"")));

    // (10 x 2 x 3 + 5 x 0.5 x 1) x 24 h
    assertThat(work.sessionAttempts()).isEqualTo(1_500.0);
    assertThat(work.withinBound(false)).isTrue();
    assertThat(new WorkEstimate(WorkEstimate.MAX_SESSION_ATTEMPTS + 1).withinBound(false))
        .isFalse();
    assertThat(new WorkEstimate(WorkEstimate.MAX_EMITTED_SESSION_ATTEMPTS + 1).withinBound(true))
        .isFalse();
    assertThat(WorkEstimate.format(2_880_000)).isEqualTo("2,880,000");
  }

  @Test
  void aDurationThatIsNoDurationIsOneProblem() {
    for (String bad : new String[] {"\"ten years\"", "-5", "true", "\"99999999999999999d\""}) {
      assertThatThrownBy(() -> ScenarioParser.parse(scenario(bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              ScenarioException.class,
              e ->
                  assertThat(e.problems())
                      .as(bad)
                      .hasSize(1)
                      .allMatch(p -> p.startsWith("duration: ")));
    }
  }

  @Test
  void aDurationOutOfRangeSaysTenYearsAndWhatWasGiven() {
    assertThatThrownBy(() -> ScenarioParser.parse(scenario("\"3661d\"")))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "duration: must be above 0 and at most ten years (3660d), got 3661d"));
    assertThatThrownBy(() -> ScenarioParser.parse(scenario("\"0s\"")))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems()).hasSize(1));
  }
}
