package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the console summary, {@code analyze} names the outputs the user did not ask for, and only
 * those.
 */
class AnalyzeHintTest {

  @TempDir Path dir;

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1];
  }

  @Test
  void aPlainRunEndsByNamingHtmlAndScripts() {
    CliRun run = CliRun.of("analyze", CliRun.example().toString(), "--no-color");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(lastLine(run.out())).contains("--html").contains("--scripts");
  }

  @Test
  void outputsAlreadyAskedForAreNotSuggested() {
    CliRun html =
        CliRun.of(
            "analyze",
            CliRun.example().toString(),
            "--no-color",
            "--html",
            dir.resolve("r.html").toString());
    CliRun both =
        CliRun.of(
            "analyze",
            CliRun.example().toString(),
            "--no-color",
            "--html",
            dir.resolve("r2.html").toString(),
            "--scripts",
            dir.resolve("fixes").toString());

    assertThat(lastLine(html.out())).contains("--scripts").doesNotContain("--html");
    assertThat(both.out()).doesNotContain("More: add");
  }

  @Test
  void theHintStaysOffStandardOutputWhenJsonGoesThere() {
    CliRun run = CliRun.of("analyze", CliRun.example().toString(), "--no-color", "--json", "-");

    assertThat(run.out()).doesNotContain("More: add");
    assertThat(lastLine(run.err())).contains("--html");
  }
}
