package org.mapiscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mapiscope.sim.scenario.Scenario;

class DeterminismTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Scenario mixed(long seed) {
    return Scenarios.parse(
        """
        {"duration": "7d", "seed": %d, "server": {"keepAliveTime": "2h"},
         "populations": [
           {"name": "laptops", "users": 40, "startsPerHour": 0.8, "sessionsPerStart": 4,
            "holding": {"dist": "lognormal", "mean": "45m"}, "abandonProbability": 0.3},
           {"name": "branch", "users": 10, "startsPerHour": 0.5, "sessionsPerStart": 3,
            "holding": {"dist": "exponential", "mean": "2h"}, "abandonProbability": 0.2,
            "behindMiddlebox": true},
           {"name": "bes", "kind": "serviceAccount", "users": 1, "startsPerHour": 2, "sessionsPerStart": 12,
            "holding": {"dist": "fixed", "mean": "4h"}}]}
        """
            .formatted(seed));
  }

  @Test
  void sameSeedGivesAByteIdenticalResult() throws Exception {
    SimulationResult a = Simulator.run(mixed(42));
    SimulationResult b = Simulator.run(mixed(42));
    assertThat(a).isEqualTo(b);
    assertThat(JSON.writeValueAsString(a)).isEqualTo(JSON.writeValueAsString(b));
    assertThat(a.rejected()).isPositive();
  }

  @Test
  void anotherSeedGivesAnotherResult() {
    SimulationResult a = Simulator.run(mixed(42));
    SimulationResult b = Simulator.run(mixed(43));
    assertThat(a.attempts()).isNotEqualTo(b.attempts());
  }

  @Test
  void resultCarriesExactlyTheDesignKeys() throws Exception {
    var tree = JSON.readTree(JSON.writeValueAsString(Simulator.run(mixed(1))));
    assertThat(tree.fieldNames())
        .toIterable()
        .startsWith(
            "attempts",
            "rejected",
            "rejectionRate",
            "events9646",
            "usersAffected",
            "peakPerUser",
            "byPopulation");
    assertThat(tree.get("peakPerUser").fieldNames())
        .toIterable()
        .containsExactly("p50", "p99", "max");
    var pop = tree.get("byPopulation").get(0);
    assertThat(pop.fieldNames())
        .toIterable()
        .contains(
            "name",
            "attempts",
            "rejected",
            "rejectionRate",
            "events9646",
            "usersAffected",
            "peakPerUser");
    assertThat(pop.get("name").asText()).isEqualTo("laptops");
    assertThat(tree.get("events9646").asLong()).isEqualTo(tree.get("rejected").asLong());
  }

  @Test
  void countersAddUpAndTheTimeSeriesCoversTheRun() {
    SimulationResult r = Simulator.run(mixed(5));
    assertThat(r.byPopulation().stream().mapToLong(PopulationResult::attempts).sum())
        .isEqualTo(r.attempts());
    assertThat(r.byPopulation().stream().mapToLong(PopulationResult::rejected).sum())
        .isEqualTo(r.rejected());
    assertThat(r.timeSeries().buckets()).hasSize(7 * 24);
    assertThat(r.timeSeries().buckets().stream().mapToLong(TimeBucket::attempts).sum())
        .isEqualTo(r.attempts());
    assertThat(r.timeSeries().buckets().stream().mapToLong(TimeBucket::rejected).sum())
        .isEqualTo(r.rejected());
    assertThat(r.timeSeries().buckets())
        .allSatisfy(b -> assertThat(b.worstUserSessions()).isBetween(0, 32));
    assertThat(r.peakPerUser().max()).isEqualTo(32);
    // the service account's 12 sessions per start, held 4h at 2 starts/h, need ~96: it hits the cap
    assertThat(r.byPopulation().get(2).usersAffected()).isEqualTo(1);
  }

  @Test
  void extremeHoldingTimesStayInRange() {
    SimulationResult r =
        Simulator.run(
            Scenarios.of(
                "30d",
                3,
                "",
                "\"users\": 50, \"startsPerHour\": 2, \"abandonProbability\": 0.5, \"holding\":"
                    + " {\"dist\": \"fixed\", \"mean\": \"106751991167d\"}"));
    // the longest holding time a duration can spell: sessions are never released within the run
    assertThat(r.meanConcurrentSessions()).isBetween(0.0, 50.0 * 32);
    assertThat(r.peakPerUser().max()).isEqualTo(32);
    assertThat(r.sessionsOpenAtEnd()).isBetween(0L, 50L * 32);
    assertThat(r.timeSeries().buckets())
        .allSatisfy(b -> assertThat(b.worstUserSessions()).isBetween(0, 32));
  }

  @Test
  void aLongRunKeepsTheTimeSeriesBounded() {
    SimulationResult r =
        Simulator.run(
            Scenarios.of(
                "400d",
                1,
                "",
                "\"users\": 2, \"startsPerHour\": 0.1, " + "\"holding\": {\"mean\": \"1h\"}"));
    assertThat(r.timeSeries().buckets()).hasSizeLessThanOrEqualTo(TimeSeries.MAX_BUCKETS);
    assertThat(r.timeSeries().bucketMs() % TimeSeries.HOUR_MS).isZero();
  }
}
