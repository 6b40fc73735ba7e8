package org.mapiscope.sim;

import java.util.List;

/**
 * What a run produced; the component names are the JSON keys of docs/simulator.md (extended, never
 * renamed), so the record serialises as it is.
 *
 * @param attempts sessions all clients tried to open
 * @param rejected attempts refused at the session limit
 * @param rejectionRate rejected / attempts, 0 without attempts
 * @param events9646 Event 9646 logged: one per rejected session
 * @param usersAffected users with at least one rejection
 * @param peakPerUser distribution of each user's peak concurrent sessions
 * @param byPopulation the same counters per population, in scenario order
 * @param meanConcurrentSessions time-average of the sessions open on the server
 * @param sessionsOpenAtEnd sessions still open when the simulated time ran out
 * @param simulatedEvents client starts and session ends the engine processed
 * @param timeSeries attempts, rejections and the worst user's concurrency over time
 */
public record SimulationResult(
    long attempts,
    long rejected,
    double rejectionRate,
    long events9646,
    int usersAffected,
    PeakPerUser peakPerUser,
    List<PopulationResult> byPopulation,
    double meanConcurrentSessions,
    long sessionsOpenAtEnd,
    long simulatedEvents,
    TimeSeries timeSeries) {

  public SimulationResult {
    byPopulation = List.copyOf(byPopulation);
  }
}
