package org.mapiscope.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One user's open/active session counts over time on one server, as a bounded step function. When
 * the buffer fills, neighbouring points are folded into one carrying the larger counts, so the
 * upper envelope (the peaks) survives any amount of thinning while memory stays fixed.
 */
final class Timeline {

  private static final int CAPACITY = 2 * Thresholds.MAX_TIMELINE_POINTS;

  private long[] times = new long[16];
  private int[] open = new int[16];
  private int[] active = new int[16];
  private int size;

  void add(Instant time, int openNow, int activeNow) {
    long t = time.toEpochMilli();
    if (size > 0 && times[size - 1] == t) {
      // Several changes at one instant: the step shows the state after the last one.
      open[size - 1] = openNow;
      active[size - 1] = activeNow;
      return;
    }
    if (size == CAPACITY) {
      fold();
    }
    if (size == times.length) {
      int grown = Math.min(CAPACITY, size * 2);
      times = Arrays.copyOf(times, grown);
      open = Arrays.copyOf(open, grown);
      active = Arrays.copyOf(active, grown);
    }
    times[size] = t;
    open[size] = openNow;
    active[size] = activeNow;
    size++;
  }

  /** At most {@code max} points, the peaks kept. */
  List<SessionSummary.TimelinePoint> points(int max) {
    long[] t = Arrays.copyOf(times, size);
    int[] o = Arrays.copyOf(open, size);
    int[] a = Arrays.copyOf(active, size);
    int n = size;
    while (n > max) {
      n = fold(t, o, a, n);
    }
    List<SessionSummary.TimelinePoint> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(new SessionSummary.TimelinePoint(Instant.ofEpochMilli(t[i]), o[i], a[i]));
    }
    return result;
  }

  private void fold() {
    size = fold(times, open, active, size);
  }

  /**
   * Folds pairs of neighbours into their first time with the larger counts; returns the new size.
   */
  private static int fold(long[] t, int[] o, int[] a, int n) {
    int w = 0;
    for (int r = 0; r < n; r += 2) {
      t[w] = t[r];
      o[w] = r + 1 < n ? Math.max(o[r], o[r + 1]) : o[r];
      a[w] = r + 1 < n ? Math.max(a[r], a[r + 1]) : a[r];
      w++;
    }
    return w;
  }
}
