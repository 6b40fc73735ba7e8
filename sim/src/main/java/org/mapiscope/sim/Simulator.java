package org.mapiscope.sim;

import org.mapiscope.sim.scenario.Scenario;

/**
 * Runs a scenario through the discrete-event model of one store (docs/simulator.md). A run is a
 * pure function of the scenario, its seed included: the same scenario gives an equal result. Memory
 * grows with users and live sessions, not with simulated time. Thread-safe: each run has its own
 * state.
 */
public final class Simulator {

  private Simulator() {}

  /** Runs the scenario. */
  public static SimulationResult run(Scenario scenario) {
    return new Engine(scenario, null).run();
  }

  /** Runs the scenario and tells the listener about every client start and end, in time order. */
  public static SimulationResult run(Scenario scenario, SimulationListener listener) {
    return new Engine(scenario, listener).run();
  }
}
