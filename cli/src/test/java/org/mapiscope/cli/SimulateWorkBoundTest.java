package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} says what is wrong with a scenario once, and refuses unbounded work before it
 * starts.
 */
class SimulateWorkBoundTest {

  @TempDir Path dir;

  private Path scenario(String duration, int users, double startsPerHour) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(
        file,
        "{\"duration\": "
            + duration
            + ", \"populations\": [{\"name\": \"p\", \"users\": "
            + users
            + ", \"startsPerHour\": "
            + startsPerHour
            + ", \"sessionsPerStart\": 4, "
            + "\"holding\": {\"dist\": \"fixed\", \"mean\": \"1h\"}}]}");
    return file;
  }

  @Test
  void aBadDurationIsOneMessage() throws IOException {
    CliRun run = CliRun.of("simulate", scenario("\"ten years\"", 1, 1).toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().filter(l -> l.contains("duration")).count())
        .as(run.toString())
        .isEqualTo(1);
    assertThat(run.err()).contains("is not a duration").doesNotContain("must be above 0");
  }

  @Test
  void aTooLongDurationSaysTenYearsAndWhatWasGiven() throws IOException {
    CliRun run = CliRun.of("simulate", scenario("\"4000d\"", 1, 1).toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("at most ten years (3660d), got 4000d");
  }

  @Test
  void anEnormousScenarioIsRefusedAtOnceWithItsEstimate() throws IOException {
    // 10 million users x 1,000 starts an hour x 4 sessions x 87,840 h (3.5e15): it used to run for
    // years.
    Path huge = scenario("\"3660d\"", 10_000_000, 1000);

    CliRun run = CliRun.of("simulate", huge.toString());

    // Refused before simulating: nothing but the one-line refusal is written.
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip().lines().count()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("about 3.5e+15 session attempts")
        .contains("100,000,000")
        .contains("--force");
  }

  @Test
  void emittingEvidenceHasALowerBoundAndForceOverridesIt() throws IOException {
    // 100 users x 10 starts x 4 sessions x 720 h = 2,880,000 attempts: fine to simulate, ~3 GB of
    // logs.
    Path month = scenario("\"30d\"", 100, 10);
    Path evidence = dir.resolve("ev");

    CliRun refused =
        CliRun.of("simulate", month.toString(), "--emit-evidence", evidence.toString(), "-q");
    CliRun simulated = CliRun.of("simulate", month.toString(), "-q");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err())
        .contains("about 2,880,000 session attempts")
        .contains("1,000,000")
        .contains("--force");
    assertThat(evidence).doesNotExist();
    assertThat(simulated.exitCode()).as(simulated.toString()).isZero();
  }

  @Test
  void forceLiftsTheBound() {
    // Running work beyond the bound would make a slow test; the decision itself is checked here.
    org.mapiscope.sim.scenario.WorkEstimate huge =
        new org.mapiscope.sim.scenario.WorkEstimate(1e12);

    assertThat(SimulateCommand.boundProblem(huge, false, false)).contains("1,000,000,000,000");
    assertThat(SimulateCommand.boundProblem(huge, true, true)).isNull();
    assertThat(
            SimulateCommand.boundProblem(
                new org.mapiscope.sim.scenario.WorkEstimate(1e6), true, false))
        .isNull();
  }
}
