package org.mapiscope.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link TimeSeries} as the run advances; its size is bounded by {@link
 * TimeSeries#MAX_BUCKETS}.
 */
final class Buckets {

  private final long duration;
  private final long width;
  private final int[] liveByUser;
  private final List<TimeBucket> done = new ArrayList<>();
  private long bucketStart;
  private long attempts;
  private long rejected;
  private int worst;

  Buckets(long duration, long width, int[] liveByUser) {
    this.duration = duration;
    this.width = width;
    this.liveByUser = liveByUser;
  }

  /** Closes the buckets that end at or before t. */
  void advanceTo(long t) {
    if (t < bucketStart + width) {
      return;
    }
    int carried = currentWorst();
    while (t >= bucketStart + width) {
      close();
      worst = carried; // sessions open at the boundary are held at the start of the next bucket
    }
  }

  void count(int tries, int refused) {
    attempts += tries;
    rejected += refused;
  }

  void sessions(int userLive) {
    if (userLive > worst) {
      worst = userLive;
    }
  }

  void finish() {
    int carried = currentWorst();
    while (bucketStart < duration) {
      close();
      worst = carried;
    }
  }

  TimeSeries series() {
    return new TimeSeries(width, done);
  }

  private void close() {
    done.add(new TimeBucket(bucketStart, attempts, rejected, worst));
    bucketStart += width;
    attempts = 0;
    rejected = 0;
  }

  private int currentWorst() {
    int max = 0;
    for (int l : liveByUser) {
      max = Math.max(max, l);
    }
    return max;
  }
}
