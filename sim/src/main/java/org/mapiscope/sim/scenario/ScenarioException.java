package org.mapiscope.sim.scenario;

import java.util.List;

/**
 * A scenario that cannot be run: malformed JSON, unknown or missing keys, values out of range. Each
 * problem names the key by its JSON path, e.g. {@code populations[0].holdng: unknown key}.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ScenarioException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in document order, each naming its key. */
  public List<String> problems() {
    return problems;
  }
}
