package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Emitted evidence replayed by {@code whatif}: with no change the replay predicts the 9646 the
 * simulated server logged, per user; a shorter keepalive predicts fewer and a minimal limit within
 * the current one.
 */
class WhatIfRoundTripTest {

  /**
   * Per user the replay may differ by one start's sessions (4 in these scenarios): attempts logged
   * at the same instant are ordered by the replay, not by the log.
   */
  private static final long PER_USER_TOLERANCE = 4;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dead-client-sessions",
        "keepalive-too-long",
        "middlebox-holding",
        "limit-below-need",
        "mixed",
        "examples/scenarios/vpn-laptops"
      })
  void withNoChangeTheReplayPredictsTheObserved9646(String scenario) {
    JsonNode unchanged = whatif(emit(scenario));

    JsonNode total = unchanged.at("/total");
    assertThat(total.at("/observed").asLong())
        .as(scenario + ": the scenario logs 9646")
        .isPositive();
    assertThat(total.at("/predicted").asDouble())
        .as(scenario + " total")
        .isBetween(0.9 * total.at("/observed").asLong(), 1.1 * total.at("/observed").asLong());
    for (JsonNode u : unchanged.at("/byUser")) {
      assertThat(Math.abs(u.at("/predicted").asLong() - u.at("/observed").asLong()))
          .as(scenario + " " + u)
          .isLessThanOrEqualTo(PER_USER_TOLERANCE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"keepalive-too-long", "examples/scenarios/vpn-laptops"})
  void aFiveMinuteKeepAlivePredictsFewerAndNeedsNoHigherLimit(String scenario) {
    Path evidence = emit(scenario);
    JsonNode unchanged = whatif(evidence);
    JsonNode shorter = whatif(evidence, "--keepalive", "5m");

    assertThat(shorter.at("/settings/keepAliveTimeMs").asLong()).isEqualTo(300_000L);
    assertThat(shorter.at("/total/predicted").asLong())
        .as(scenario)
        .isLessThan(unchanged.at("/total/predicted").asLong())
        .isLessThan(shorter.at("/total/observed").asLong());
    // Refused clients' attempts still need their places, so the smallest limit can stay above
    // today's;
    // it can never grow when dead sessions are reaped sooner.
    assertThat(shorter.at("/minimalLimit").asInt())
        .as(scenario)
        .isLessThanOrEqualTo(unchanged.at("/minimalLimit").asInt());
    assertThat(byUser(shorter, "predicted"))
        .allSatisfy(
            (user, predicted) ->
                assertThat(predicted)
                    .as(user)
                    .isLessThanOrEqualTo(byUser(unchanged, "predicted").get(user)));
  }

  /**
   * Emits the scenario into {@code <dir>/EX01} and returns {@code dir}, so the folder names the
   * server.
   */
  private Path emit(String scenario) {
    Path file =
        scenario.startsWith("examples/")
            ? CliRun.repo().resolve(scenario + ".json")
            : RoundTripTest.RoundTrip.resource(scenario);
    CliRun sim =
        CliRun.of(
            "simulate", file.toString(), "--emit-evidence", dir.resolve("EX01").toString(), "-q");
    assertThat(sim.exitCode()).as(sim.toString()).isZero();
    return dir;
  }

  private static JsonNode whatif(Path evidence, String... changes) {
    List<String> args = new ArrayList<>(List.of("whatif", evidence.toString()));
    args.addAll(List.of(changes));
    args.addAll(List.of("--json", "-", "-q"));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    try {
      return run.outJson();
    } catch (IOException e) {
      throw new AssertionError(run.toString(), e);
    }
  }

  private static Map<String, Long> byUser(JsonNode result, String field) {
    Map<String, Long> out = new TreeMap<>();
    result.at("/byUser").forEach(u -> out.put(u.at("/user").asText(), u.at("/" + field).asLong()));
    return out;
  }
}
