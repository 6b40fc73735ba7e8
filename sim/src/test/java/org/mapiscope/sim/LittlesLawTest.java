package org.mapiscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapiscope.sim.scenario.Scenario;

/**
 * Little's law: the time-average of open sessions equals the accepted arrival rate times the mean
 * holding time. The tolerance is 4 standard errors of the summed holding times (coefficient of
 * variation cv) plus the sessions cut off at the end of the run (at most the mean concurrency times
 * a mean holding time).
 */
class LittlesLawTest {

  @ParameterizedTest
  @CsvSource({"exponential, 1.0, 4, 3.0", "lognormal, 1.3108, 4, 5.0", "fixed, 0.0, 32, 40.0"})
  void meanConcurrencyIsAcceptedRateTimesHolding(
      String dist, double cv, int c, double startsPerHour) {
    long hours = 2_000;
    double meanMs = 3_600_000;
    // lognormal with sigma 1: cv = sqrt(e - 1) ≈ 1.3108
    Scenario scenario =
        Scenarios.of(
            hours + "h",
            7,
            "\"sessionLimit\": " + c,
            "\"users\": 20, \"startsPerHour\": "
                + startsPerHour
                + ", \"holding\": {\"dist\": \""
                + dist
                + "\", \"mean\": \"1h\"}");

    SimulationResult r = Simulator.run(scenario);

    long accepted = r.attempts() - r.rejected();
    double durationMs = hours * 3_600_000.0;
    double little = accepted / durationMs * meanMs;
    double tolerance =
        4 * cv * meanMs * Math.sqrt(accepted) / durationMs + little * meanMs / durationMs;
    assertThat(r.rejected()).isPositive();
    assertThat(r.meanConcurrentSessions())
        .isCloseTo(little, org.assertj.core.api.Assertions.within(tolerance));
  }
}
