package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mapiscope.model.Cause;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.InjectedCauses;
import org.mapiscope.sim.scenario.Scenario;

/**
 * Writes the evidence a server running the scenario would have logged (docs/simulator.md §6): RCA
 * logs of the scenario's Exchange version under {@code rca/}, Event 9646 as rendered event XML
 * under {@code eventlog/} (with an overlapping second export when the scenario asks for one), and
 * registry exports under {@code registry/}. Times are the scenario's {@code start} plus simulated
 * time, in UTC. The same scenario writes the same bytes. Thread-safe: each call has its own state.
 */
public final class EvidenceEmitter {

  private EvidenceEmitter() {}

  /**
   * EventRecordIDs of the Application log start here, as on a server that has logged for a while.
   */
  static final long FIRST_RECORD_ID = 184_302L;

  /**
   * Runs the scenario, writing its evidence as it goes.
   *
   * @return the run's result, equal to {@link Simulator#run(Scenario)} of the same scenario
   * @throws IOException when the output fails
   */
  public static SimulationResult emit(Scenario scenario, EvidenceOutput out) throws IOException {
    RegistryExport.write(scenario.server(), out);
    UserDirectory directory = UserDirectory.of(scenario);
    String computer = scenario.server().name() + "." + UserDirectory.DNS_DOMAIN;
    Instant overlapFrom = null;
    Instant overlapTo = null;
    if (scenario.evidence().overlappingEventExport()) {
      // An earlier export, taken two thirds into the run, of the middle third: it overlaps the full
      // one.
      overlapFrom = scenario.start().plusMillis(scenario.durationMs() / 3);
      overlapTo = scenario.start().plusMillis(scenario.durationMs() / 3 * 2);
    }
    try (RcaLog rca = new RcaLog(out, scenario.server());
        EventLogXml events =
            new EventLogXml(
                out, computer, FIRST_RECORD_ID, scenario.seed(), overlapFrom, overlapTo)) {
      EvidenceRecorder recorder =
          new EvidenceRecorder(
              scenario,
              directory,
              EvidenceRecorder.populationOfUsers(scenario.populations()),
              rca,
              events);
      SimulationResult result = Simulator.run(scenario, recorder);
      recorder.finish(scenario.durationMs());
      return result;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** User key → causes its population injects, for checking a diagnosis of the emitted evidence. */
  public static Map<String, Set<Cause>> injectedCausesByUser(Scenario scenario) {
    UserDirectory directory = UserDirectory.of(scenario);
    Map<String, Set<Cause>> out = new LinkedHashMap<>();
    int user = 0;
    for (var pop : scenario.populations()) {
      Set<Cause> causes = InjectedCauses.of(pop, scenario.server());
      for (int i = 0; i < pop.users(); i++) {
        out.put(directory.userKey(user++), causes);
      }
    }
    return out;
  }
}
