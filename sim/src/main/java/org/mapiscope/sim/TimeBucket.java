package org.mapiscope.sim;

/**
 * One interval of the run's time series.
 *
 * @param startMs simulated time at which the bucket starts
 * @param attempts sessions tried in the bucket
 * @param rejected of those, refused (each one Event 9646)
 * @param worstUserSessions the most sessions any one user held at any moment of the bucket
 */
public record TimeBucket(long startMs, long attempts, long rejected, int worstUserSessions) {}
