package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code analyze} and {@code whatif} size a legitimate need with one computation (docs/domain.md):
 * the demand behind a recommended raise is exactly the smallest limit {@code whatif} finds for that
 * user under the same settings, and a shorter keepalive cannot make a legitimate need go away.
 */
class DemandAgreementTest {

  @ParameterizedTest
  @CsvSource({"shared-pcs, frontdesk, Europe/London", "retries, kiosk, UTC"})
  void theRaisedLimitIsWhatIfsSmallestLimitPlusTheMargin(String fixture, String user, String zone)
      throws Exception {
    Path evidence =
        Path.of(
            DemandAgreementTest.class.getResource("/real-shaped/" + fixture + "/evidence").toURI());

    JsonNode analysis = run("analyze", evidence.toString(), "--timezone", zone);
    JsonNode raise = null;
    for (JsonNode r : analysis.at("/recommendations/sessionLimit")) {
      if (user.equals(r.at("/subject").asText())) {
        raise = r;
      }
    }
    assertThat(raise).as(fixture + ": a raise for " + user).isNotNull();
    int demand = raise.at("/demand").asInt();

    JsonNode unchanged = run("whatif", evidence.toString(), "--timezone", zone);
    assertThat(minimalLimit(unchanged, user))
        .as(fixture + ": whatif's smallest limit")
        .isEqualTo(demand);

    // Everything the user held was in use: reaping dead sessions sooner changes nothing.
    JsonNode shorter = run("whatif", evidence.toString(), "--timezone", zone, "--keepalive", "5m");
    assertThat(minimalLimit(shorter, user)).isEqualTo(demand);
    assertThat(byUser(shorter, user).at("/predicted").asLong())
        .as(fixture + ": a legitimate need is not removed by a shorter keepalive")
        .isEqualTo(byUser(unchanged, user).at("/predicted").asLong())
        .isPositive();

    // The recommended limit admits every attempt.
    JsonNode raised =
        run(
            "whatif",
            evidence.toString(),
            "--timezone",
            zone,
            "--limit",
            raise.at("/recommended").asText());
    assertThat(byUser(raised, user).at("/predicted").asLong()).isZero();
  }

  private static JsonNode run(String... args) throws java.io.IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "-", "-q"));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.outJson();
  }

  private static int minimalLimit(JsonNode whatif, String user) {
    return byUser(whatif, user).at("/minimalLimit").asInt();
  }

  private static JsonNode byUser(JsonNode whatif, String user) {
    for (JsonNode u : whatif.at("/byUser")) {
      if (user.equals(u.at("/user").asText())) {
        return u;
      }
    }
    throw new AssertionError("no whatif row for " + user + " in " + whatif);
  }
}
