package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} and {@code compare} through the real command line. */
class SimulateAndCompareCommandTest {

  @TempDir Path dir;

  private Path scenario(String keepAlive) throws IOException {
    String json =
        Files.readString(CliRun.repo().resolve("examples/scenarios/vpn-laptops.json"))
            .replace("\"keepAliveTime\": \"2h\"", "\"keepAliveTime\": \"" + keepAlive + "\"");
    Path file = dir.resolve("scenario-" + keepAlive + ".json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void simulatesTheExampleScenarioWithTheDesignKeys() throws IOException {
    CliRun run =
        CliRun.of(
            "simulate",
            scenario("2h").toString(),
            "--json",
            "-",
            "--html",
            dir.resolve("sim.html").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = run.outJson();
    for (String key :
        List.of(
            "attempts",
            "rejected",
            "rejectionRate",
            "events9646",
            "usersAffected",
            "peakPerUser",
            "byPopulation")) {
      assertThat(result.has(key)).as(key).isTrue();
    }
    assertThat(result.at("/events9646").asLong()).isPositive();
    assertThat(result.at("/peakPerUser/max").asInt()).isEqualTo(32);
    assertThat(Files.readString(dir.resolve("sim.html"))).contains("<svg");
  }

  @Test
  void aShorterKeepAliveIsPredictedToHelp() throws IOException {
    long before =
        CliRun.of("simulate", scenario("2h").toString(), "--json", "-")
            .outJson()
            .at("/events9646")
            .asLong();
    long after =
        CliRun.of("simulate", scenario("5m").toString(), "--json", "-")
            .outJson()
            .at("/events9646")
            .asLong();

    assertThat(after).isLessThan(before);
  }

  @Test
  void badScenariosNameTheKey() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"duration\": \"7d\", \"populations\": [{\"name\": \"x\", \"users\": 3, \"holdng\": {}, "
            + "\"startsPerHour\": -1}]}");

    CliRun run = CliRun.of("simulate", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("populations[0].holdng")
        .contains("startsPerHour")
        .doesNotContain("\tat ");
  }

  @Test
  void emittedEvidenceIsReadBackByAnalyze() throws IOException {
    Path evidence = dir.resolve("evidence").resolve("EX01");
    CliRun sim =
        CliRun.of(
            "simulate",
            scenario("2h").toString(),
            "--emit-evidence",
            evidence.toString(),
            "--json",
            "-");
    long simulated = sim.outJson().at("/events9646").asLong();

    CliRun run = CliRun.of("analyze", evidence.getParent().toString(), "--json", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // Every refused attempt logs a 9646, and the emitter writes the client's retries as further
    // 9646.
    assertThat(run.outJson().at("/limitEvents/total").asLong())
        .isEqualTo(EmittedCounts.events9646(evidence))
        .isGreaterThanOrEqualTo(simulated);
    assertThat(run.outJson().at("/findings").findValuesAsText("cause"))
        .contains("DEAD_CLIENT_SESSIONS");
  }

  @Test
  void compareSaysWhetherTheFixWorked() throws IOException {
    Path beforeEvidence = dir.resolve("before").resolve("EX01");
    Path afterEvidence = dir.resolve("after").resolve("EX01");
    CliRun.of(
        "simulate", scenario("2h").toString(), "--emit-evidence", beforeEvidence.toString(), "-q");
    CliRun.of(
        "simulate", scenario("5m").toString(), "--emit-evidence", afterEvidence.toString(), "-q");
    Path before = dir.resolve("before.json");
    Path after = dir.resolve("after.json");
    // The folders above EX01 are analysed, so the server folder names the RCA logs' server.
    assertThat(
            CliRun.of(
                    "analyze",
                    beforeEvidence.getParent().toString(),
                    "--json",
                    before.toString(),
                    "-q")
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of(
                    "analyze",
                    afterEvidence.getParent().toString(),
                    "--json",
                    after.toString(),
                    "-q")
                .exitCode())
        .isZero();

    CliRun better = CliRun.of("compare", before.toString(), after.toString(), "--json", "-");
    CliRun worse = CliRun.of("compare", after.toString(), before.toString(), "--json", "-");

    assertThat(better.exitCode()).as(better.toString()).isZero();
    JsonNode c = better.outJson();
    assertThat(c.at("/improved").asBoolean()).isTrue();
    assertThat(c.at("/total/before").asLong()).isGreaterThan(c.at("/total/after").asLong());
    assertThat(c.at("/byUser")).isNotEmpty();
    assertThat(worse.exitCode()).isEqualTo(CompareCommand.NOT_IMPROVED);
    assertThat(worse.outJson().at("/improved").asBoolean()).isFalse();
  }

  @Test
  void compareRefusesFilesThatAreNotAnalyzeResults() throws IOException {
    Path notJson = dir.resolve("notes.json");
    Files.writeString(notJson, "{\"hello\": 1}");

    CliRun run = CliRun.of("compare", notJson.toString(), notJson.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("notes.json").doesNotContain("\tat ");
  }
}
