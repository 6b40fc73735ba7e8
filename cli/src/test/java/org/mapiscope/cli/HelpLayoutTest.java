package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Help reads cleanly at 80 columns: no line runs over, no phrase or file name is cut in two. */
class HelpLayoutTest {

  private static final List<List<String>> HELP =
      List.of(
          List.of("--help"),
          List.of("analyze", "--help"),
          List.of("simulate", "--help"),
          List.of("whatif", "--help"),
          List.of("compare", "--help"),
          List.of("evtx", "--help"),
          List.of("help", "simulate"));

  @Test
  void everyHelpFitsEightyColumnsWithoutCutPhrases() {
    for (List<String> args : HELP) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.toString()).isZero();
      String[] lines = run.out().split("\\R");
      assertThat(lines.length).as(args.toString()).isGreaterThan(3);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        assertThat(line.length())
            .as(args + ": line over 80 columns: " + line)
            .isLessThanOrEqualTo(80);
        if (i == 0) {
          continue;
        }
        String prev = lines[i - 1];
        String start = line.strip();
        // "docs/simulator." + "md)": a file name cut at its dot.
        assertThat(prev.matches(".*[A-Za-z]\\.$") && start.matches("[a-z]{1,4}\\b.*"))
            .as(args + ": file name cut at its dot:\n" + prev + "\n" + line)
            .isFalse();
        // "… 3" + "internal error": a number torn from what it counts.
        assertThat(prev.matches(".*\\s\\d+$") && start.matches("[a-z].*"))
            .as(args + ": number torn from its words:\n" + prev + "\n" + line)
            .isFalse();
      }
    }
  }

  @Test
  void theExitCodesReadOneCodeAtATime() {
    String help = CliRun.of("--help").out();

    assertThat(help).contains("3 internal error").contains("5 compare: not improved");
  }
}
