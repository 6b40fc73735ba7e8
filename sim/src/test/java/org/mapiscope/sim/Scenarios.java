package org.mapiscope.sim;

import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioException;
import org.mapiscope.sim.scenario.ScenarioParser;

/** Scenarios for tests, written as the JSON a user would write. */
final class Scenarios {

  private Scenarios() {}

  static Scenario parse(String json) {
    try {
      return ScenarioParser.parse(json);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** One population of identical users; server keys and population keys are JSON fragments. */
  static Scenario of(String duration, long seed, String server, String population) {
    return parse(
        "{\"duration\": \""
            + duration
            + "\", \"seed\": "
            + seed
            + ", \"server\": {"
            + server
            + "}, \"populations\": [{\"name\": \"p\", "
            + population
            + "}]}");
  }
}
