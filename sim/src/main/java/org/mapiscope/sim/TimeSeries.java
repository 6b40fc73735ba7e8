package org.mapiscope.sim;

import java.util.List;

/**
 * The run over time, for charts: hourly buckets, or wider ones so that there are never more than
 * {@link #MAX_BUCKETS}; the size does not grow with simulated time.
 */
public record TimeSeries(long bucketMs, List<TimeBucket> buckets) {

  public static final int MAX_BUCKETS = 1_000;
  static final long HOUR_MS = 3_600_000L;

  public TimeSeries {
    buckets = List.copyOf(buckets);
  }

  /** Whole hours per bucket, as few as keep the series within {@link #MAX_BUCKETS}. */
  static long bucketMsFor(long durationMs) {
    long hours = Math.max(1, (durationMs + HOUR_MS - 1) / HOUR_MS);
    long hoursPerBucket = (hours + MAX_BUCKETS - 1) / MAX_BUCKETS;
    return hoursPerBucket * HOUR_MS;
  }
}
