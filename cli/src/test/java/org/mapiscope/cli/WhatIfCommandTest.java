package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.evidence.EvidenceEmitter;
import org.mapiscope.sim.scenario.ScenarioParser;
import picocli.CommandLine;

/**
 * {@code mapiscope whatif} in-process, on evidence a simulated server logged in the real formats.
 */
class WhatIfCommandTest {

  /**
   * One VPN laptop: six Outlook starts an hour, four sessions each, every start abandoned (VPN
   * drop) after 20 minutes, from a fresh pool address each time; the stock server (no
   * KeepAliveTime, limit 32) keeps the dead sessions two hours, so they pile up past 32.
   */
  private static final String LAPTOP =
      """
      {"duration": "12h", "seed": 3,
       "populations": [{"name": "laptops", "users": 1, "startsPerHour": 6, "sessionsPerStart": 4,
                        "holding": {"dist": "fixed", "mean": "20m"}, "abandonProbability": 1.0}]}
      """;

  @TempDir static Path evidence;
  private static SimulationResult simulated;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void emitEvidence() throws Exception {
    simulated =
        EvidenceEmitter.emit(
            ScenarioParser.parse(LAPTOP),
            (relative, charset) -> {
              Path file = evidence.resolve(relative);
              Files.createDirectories(file.getParent());
              return Files.newBufferedWriter(file, charset);
            });
  }

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  /**
   * Runs {@code mapiscope whatif …}, registering the command when the root does not have it yet.
   */
  static Run whatif(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cl = MapiscopeCommand.commandLine(o, e);
    if (!cl.getSubcommands().containsKey("whatif")) {
      cl.addSubcommand(new WhatIfCommand(o, e));
      cl.getSubcommands()
          .get("whatif")
          .setOut(new PrintWriter(o, true))
          .setErr(new PrintWriter(e, true));
    }
    List<String> all = new ArrayList<>(List.of("whatif"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theEvidenceShowsTheProblem() throws IOException {
    assertThat(simulated.events9646()).as("abandoned sessions exceed 32").isPositive();
    assertThat(Files.readString(evidence.resolve("registry/tcpip.reg"), StandardCharsets.UTF_16LE))
        .doesNotContain("KeepAliveTime");
    try (var rca = Files.list(evidence.resolve("rca"))) {
      Path log = rca.findFirst().orElseThrow();
      assertThat(Files.readAllLines(log))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("#Fields: date-time,session-id,")
                      .satisfies(f -> assertThat(f.split(",")).hasSize(17)));
    }
  }

  @Test
  void aShorterKeepAlivePredictsFewer9646() throws IOException {
    Run run = whatif(evidence.toString(), "--keepalive", "5m", "--json", "-", "--timezone", "UTC");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode j = run.json();
    assertThat(j.path("settings").path("keepAliveTimeMs").asLong()).isEqualTo(300_000L);
    assertThat(j.path("settings").path("sessionLimit").asInt()).isEqualTo(32);
    long observed = j.path("total").path("observed").asLong();
    assertThat(observed)
        .isEqualTo(EmittedCounts.events9646(evidence))
        .isGreaterThanOrEqualTo(simulated.events9646());
    assertThat(j.path("total").path("predicted").asLong()).isLessThan(observed);
    assertThat(j.path("total").path("observedFailedConnects").asLong())
        .isEqualTo(EmittedCounts.refusedRows(evidence));
    JsonNode user = j.path("byUser").get(0);
    assertThat(user.path("user").asText()).matches("[a-z0-9]+");
    assertThat(user.path("observed").asLong()).isEqualTo(observed);
    assertThat(user.path("predicted").asLong())
        .isEqualTo(j.path("total").path("predicted").asLong());
    assertThat(j.path("byUser")).hasSize(1);
    // The dead sessions pile up to the limit under 2 h; reaped 5 min after each move far fewer are
    // needed.
    assertThat(j.path("minimalLimit").asInt()).isBetween(1, 31);
    assertThat(fieldNames(j)).containsExactly("settings", "total", "byUser", "minimalLimit");
    // --json - keeps stdout for the JSON; the table goes to stderr.
    assertThat(run.err()).contains("KeepAliveTime 2 h \u2192 5 min, session limit 32 (unchanged)");
  }

  @Test
  void aLimitBelowTheNeedPredictsMore() throws IOException {
    Path file = evidence.resolveSibling(evidence.getFileName() + "-whatif.json");
    Run run = whatif(evidence.toString(), "--limit", "8", "--json", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode j = JSON.readTree(file.toFile());
    assertThat(j.path("settings").path("sessionLimit").asInt()).isEqualTo(8);
    assertThat(j.path("settings").path("keepAliveTimeMs").asLong()).isEqualTo(7_200_000L);
    assertThat(j.path("total").path("predicted").asLong())
        .isGreaterThan(j.path("total").path("observed").asLong());
    assertThat(run.out())
        .contains("KeepAliveTime 2 h (unchanged), session limit 32 \u2192 8", "Minimal limit");
    Files.delete(file);
  }

  @Test
  void theConsoleTableNamesTheUserAndTheTotals() {
    Run run = whatif(evidence.toString(), "--keepalive", "300000ms");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern(
            "\n  Total\\s+"
                + String.format(java.util.Locale.ROOT, "%,d", EmittedCounts.events9646(evidence))
                + " \u2192")
        .doesNotContain("\u001b");
    assertThat(run.out())
        .containsPattern(
            "Fit +replayed under the current settings: [0-9,]+ of the "
                + String.format(java.util.Locale.ROOT, "%,d", EmittedCounts.events9646(evidence))
                + " observed 9646");
  }

  @Test
  void usageErrorsExitWithOne() {
    Run missing = whatif(evidence.resolve("no-such-folder").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("no such file or folder").doesNotContain("Exception");
    assertThat(whatif().exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(whatif(evidence.toString(), "--keepalive", "soon").exit())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(whatif(evidence.toString(), "--limit", "0").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void nothingReadableExitsWithTwo(@TempDir Path empty) throws IOException {
    Files.writeString(empty.resolve("notes.txt"), "nothing to see here\n");
    Run run = whatif(empty.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.NOTHING_READABLE);
    assertThat(run.out()).contains("nothing readable");
  }

  private static List<String> fieldNames(JsonNode j) {
    List<String> names = new ArrayList<>();
    j.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
