package org.mapiscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapiscope.sim.scenario.Scenario;

/**
 * With no abandonment and one session per start every user is an M/G/c/c loss system, so the share
 * of rejected attempts must be Erlang B, B(c, λ·E[holding]), whatever the holding-time
 * distribution. Each run holds {@value #REPLICAS} identical populations with independent
 * randomness; the tolerance is 4 standard errors, the larger of the binomial one over all attempts
 * and the one measured across the replicas (rejections come in bursts, so attempts are not
 * independent). Seeds are fixed.
 */
class ErlangBValidationTest {

  private static final int REPLICAS = 20;
  private static final long TARGET_ATTEMPTS = 600_000;

  static Stream<Arguments> systems() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String dist : List.of("exponential", "lognormal", "fixed")) {
      for (int c : new int[] {4, 32}) {
        for (double loadPerServer : new double[] {0.5, 1.0, 1.5}) {
          out.add(Arguments.of(dist, c, loadPerServer * c));
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} holding, c={1}, offered load {2}")
  @MethodSource("systems")
  void rejectionRateIsErlangB(String dist, int c, double offeredLoad) {
    double startsPerHour = offeredLoad; // mean holding is one hour
    int usersPerReplica = c == 4 ? 5 : 1;
    long hours = Math.round(TARGET_ATTEMPTS / (startsPerHour * REPLICAS * usersPerReplica));
    Scenario scenario = Scenarios.parse(replicated(hours, c, dist, startsPerHour, usersPerReplica));

    SimulationResult result = Simulator.run(scenario);

    double expected = ErlangB.blocking(c, offeredLoad);
    double[] rates =
        result.byPopulation().stream().mapToDouble(PopulationResult::rejectionRate).toArray();
    double binomialSe = Math.sqrt(expected * (1 - expected) / result.attempts());
    double replicaSe = standardDeviation(rates) / Math.sqrt(rates.length);
    double tolerance = 4 * Math.max(binomialSe, replicaSe);
    assertThat(result.attempts()).isGreaterThan(TARGET_ATTEMPTS * 9 / 10);
    assertThat(result.rejectionRate())
        .as("B(%d, %.1f) = %.6f ± %.6f", c, offeredLoad, expected, tolerance)
        .isBetween(expected - tolerance, expected + tolerance);
  }

  private static String replicated(
      long hours, int c, String dist, double startsPerHour, int users) {
    StringBuilder json =
        new StringBuilder(
            "{\"duration\": \""
                + hours
                + "h\", \"seed\": "
                + (c * 1000L + hours)
                + ", \"server\": {\"sessionLimit\": "
                + c
                + "}, \"populations\": [");
    for (int r = 0; r < REPLICAS; r++) {
      json.append(r == 0 ? "" : ",")
          .append("{\"name\": \"r")
          .append(r)
          .append("\", \"users\": ")
          .append(users)
          .append(", \"startsPerHour\": ")
          .append(startsPerHour)
          .append(", \"holding\": {\"dist\": \"")
          .append(dist)
          .append("\", \"mean\": \"1h\", \"sigma\": 1.0}}");
    }
    return json.append("]}").toString();
  }

  static double standardDeviation(double[] xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x / xs.length;
    }
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }
}
