package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connects of one track that failed for other reasons than the limit, counted by status as logged
 * ({@code 1010 (rpc::LoginPerm)}): the first {@link Thresholds#MAX_FAILURE_KINDS} statuses are
 * counted, later ones only in the track's total. Each failed point listed in the track's {@code
 * failedPoints} keeps the index of its status in one byte. Arrays, not a map and a list of
 * references: a track made this with its first failure and keeps it for the run.
 */
final class FailureStatuses implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A point whose status is beyond the counted ones. */
  private static final byte UNCOUNTED = -1;

  private String[] statuses = new String[2];
  private long[] counts = new long[2];
  private int statusCount;

  private byte[] pointStatus = new byte[8];
  private int points;

  /** Counts one failure with {@code status}; returns its index, or -1 beyond the counted. */
  int count(String status) {
    for (int i = 0; i < statusCount; i++) {
      if (statuses[i].equals(status)) {
        counts[i]++;
        return i;
      }
    }
    if (statusCount == Thresholds.MAX_FAILURE_KINDS) {
      return UNCOUNTED;
    }
    if (statusCount == statuses.length) {
      statuses = Arrays.copyOf(statuses, 2 * statusCount);
      counts = Arrays.copyOf(counts, 2 * statusCount);
    }
    statuses[statusCount] = status;
    counts[statusCount] = 1;
    return statusCount++;
  }

  /** Lists the next failed point with the status index {@link #count} returned. */
  void point(int status) {
    if (points == pointStatus.length) {
      pointStatus = Arrays.copyOf(pointStatus, 2 * points);
    }
    pointStatus[points++] = (byte) status;
  }

  /** The status of failed point {@code i}, or null when it is beyond the counted ones. */
  String pointStatus(int i) {
    int status = pointStatus[i];
    return status == UNCOUNTED ? null : statuses[status];
  }

  /** The counted statuses in order, with their counts. */
  Map<String, Long> counts() {
    Map<String, Long> sorted = new TreeMap<>();
    for (int i = 0; i < statusCount; i++) {
      sorted.put(statuses[i], counts[i]);
    }
    return sorted;
  }
}
