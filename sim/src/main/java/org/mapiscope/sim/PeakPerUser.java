package org.mapiscope.sim;

import java.util.Arrays;

/**
 * Distribution over users of each user's peak concurrent sessions (nearest-rank percentiles). The
 * peak is capped by the session limit: rejected attempts never open a session.
 */
public record PeakPerUser(int p50, int p99, int max) {

  static PeakPerUser of(int[] peaks, int from, int to) {
    if (from >= to) {
      return new PeakPerUser(0, 0, 0);
    }
    int[] sorted = Arrays.copyOfRange(peaks, from, to);
    Arrays.sort(sorted);
    return new PeakPerUser(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
  }

  private static int rank(int[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
