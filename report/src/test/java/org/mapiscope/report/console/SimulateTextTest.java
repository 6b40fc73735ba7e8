package org.mapiscope.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mapiscope.sim.PopulationResult;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.ScenarioParser;

class SimulateTextTest {

  private static final String SCENARIO =
      """
      {"duration": "2d", "seed": 7, "server": {"sessionLimit": 8},
       "populations": [
         {"name": "laptops", "users": 5, "startsPerHour": 3, "sessionsPerStart": 4,
          "holding": {"dist": "fixed", "mean": "20m"}, "abandonProbability": 0.5},
         {"name": "desktops", "users": 3, "startsPerHour": 0.1, "sessionsPerStart": 2,
          "holding": {"dist": "exponential", "mean": "1h"}}]}
      """;

  static String print(SimulationResult r, boolean color) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SimulateText.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8), color);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String n(long v) {
    return String.format(java.util.Locale.ROOT, "%,d", v);
  }

  @Test
  void printsTheRunsCountersAndOneRowPerPopulation() throws Exception {
    SimulationResult r = Simulator.run(ScenarioParser.parse(SCENARIO));
    assertThat(r.rejected()).as("the laptops overrun a limit of 8").isPositive();
    String text = print(r, false);
    assertThat(text)
        .contains(
            "Attempts    " + n(r.attempts()),
            "Rejected    "
                + n(r.rejected())
                + "  ("
                + String.format(java.util.Locale.ROOT, "%.2f%%", 100 * r.rejectionRate())
                + ")",
            "Event 9646  " + n(r.events9646()),
            "Users hit   " + r.usersAffected(),
            "Peak/user   "
                + r.peakPerUser().p50()
                + " / "
                + r.peakPerUser().p99()
                + " / "
                + r.peakPerUser().max());
    for (PopulationResult p : r.byPopulation()) {
      assertThat(text)
          .containsPattern(
              "\n  "
                  + p.name()
                  + "\\s+"
                  + p.users()
                  + "\\s+"
                  + n(p.attempts())
                  + "\\s+"
                  + n(p.rejected())
                  + "\\s+[0-9.]+%\\s+"
                  + n(p.events9646())
                  + "\\s+"
                  + p.usersAffected()
                  + "\\s+"
                  + p.peakPerUser().p50()
                  + " / "
                  + p.peakPerUser().p99()
                  + " / "
                  + p.peakPerUser().max()
                  + "\n");
    }
    assertThat(text.indexOf("laptops")).isLessThan(text.indexOf("desktops"));
    assertThat(text).doesNotContain("\u001b");
    assertThat(print(r, true)).contains("\u001b[31m" + n(r.rejected()));
  }
}
