package org.mapiscope.sim;

/**
 * The counters of one population (the same as the run's, plus its name and size).
 *
 * @param attempts sessions the population's clients tried to open
 * @param rejected attempts refused because the user already held the session limit
 * @param rejectionRate rejected / attempts, 0 without attempts
 * @param events9646 Event 9646 logged: one per rejected session
 * @param usersAffected users with at least one rejection
 */
public record PopulationResult(
    String name,
    int users,
    long attempts,
    long rejected,
    double rejectionRate,
    long events9646,
    int usersAffected,
    PeakPerUser peakPerUser) {

  static double rate(long rejected, long attempts) {
    return attempts == 0 ? 0.0 : (double) rejected / attempts;
  }
}
