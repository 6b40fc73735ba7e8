package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-user conclusions drawn on several threads give the report of one thread: a simulated
 * server with 400 users (enough for the work to be spread), every cause of the simulator among
 * them, analysed with {@code --threads 1} and {@code --threads 3}.
 */
class ParallelConclusionsTest {

  @TempDir Path dir;

  @Test
  void anyNumberOfThreadsGivesTheSameReport() throws java.io.IOException {
    Path scenario = CliRun.repo().resolve("cli/src/test/resources/parallel/many-users.json");
    CliRun sim =
        CliRun.of(
            "simulate",
            scenario.toString(),
            "--emit-evidence",
            dir.resolve("EX01").toString(),
            "-q");
    assertThat(sim.exitCode()).as(sim.toString()).isZero();

    CliRun one = CliRun.of("analyze", dir.toString(), "--json", "-", "-q", "--threads", "1");
    CliRun three = CliRun.of("analyze", dir.toString(), "--json", "-", "-q", "--threads", "3");

    assertThat(one.exitCode()).as(one.toString()).isIn(0, 1);
    assertThat(one.outJson().at("/sessions/byUser").size()).isGreaterThan(256);
    assertThat(one.outJson().at("/findings").size()).isGreaterThan(100);
    assertThat(three.exitCode()).isEqualTo(one.exitCode());
    assertThat(three.out()).isEqualTo(one.out());
  }
}
