package org.mapiscope.sim.whatif;

/**
 * One user's counts; {@code user}, {@code observed}, {@code predicted} are the DESIGN §6 keys.
 *
 * @param minimalLimit the smallest session limit under which this user gets no 9646 with the new keepalive
 */
public record UserWhatIf(String user, long observed, long predicted, long observedFailedConnects,
        long predictedFailedConnects, long attempts, int minimalLimit) {
}
