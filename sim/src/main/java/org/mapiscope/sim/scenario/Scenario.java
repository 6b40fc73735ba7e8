package org.mapiscope.sim.scenario;

import java.time.Instant;
import java.util.List;

/**
 * Everything a simulation run needs (docs/simulator.md §2). Build one with {@link ScenarioParser}.
 *
 * @param durationMs simulated time
 * @param seed the run is a pure function of the scenario and this seed
 * @param start the wall-clock instant simulated time 0 stands for, used only to date emitted
 *     evidence (default {@link #DEFAULT_START})
 * @param server the store's settings
 * @param populations at least one
 * @param evidence how emitted evidence is collected (default {@link EvidenceOptions#DEFAULT})
 */
public record Scenario(
    long durationMs,
    long seed,
    Instant start,
    Server server,
    List<Population> populations,
    EvidenceOptions evidence) {

  public static final long DEFAULT_SEED = 1L;

  /** A Monday at midnight UTC, so emitted logs start at the beginning of a working week. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-02T00:00:00Z");

  public Scenario {
    populations = List.copyOf(populations);
  }

  /** A scenario whose evidence is collected the default way. */
  public Scenario(
      long durationMs, long seed, Instant start, Server server, List<Population> populations) {
    this(durationMs, seed, start, server, populations, EvidenceOptions.DEFAULT);
  }

  /** Users over all populations. */
  public int totalUsers() {
    return populations.stream().mapToInt(Population::users).sum();
  }
}
