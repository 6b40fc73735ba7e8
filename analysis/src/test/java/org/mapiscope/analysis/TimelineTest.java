package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact timeline draws exactly what a plain one of the same capacity draws: same folding,
 * same peaks, for any sequence of changes.
 */
class TimelineTest {

  @Test
  void drawsWhatAPlainStepFunctionDraws() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      Timeline compact = new Timeline();
      PlainTimeline plain = new PlainTimeline();
      long t = 1_700_000_000_000L + random.nextInt(1_000_000);
      int changes = random.nextInt(3_000);
      for (int i = 0; i < changes; i++) {
        switch (random.nextInt(6)) {
          case 0 -> {} // another change at the same instant
          case 1 -> t += random.nextInt(100_000_000) * 1000L; // days of silence
          case 2 -> t -= random.nextInt(5_000); // a row a little out of order
          default -> t += random.nextInt(60_000);
        }
        int open = random.nextInt(10) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(40);
        int active = random.nextInt(open + 1);
        compact.add(Instant.ofEpochMilli(t), open, active);
        plain.add(t, open, active);
      }
      for (int max : new int[] {Thresholds.MAX_TIMELINE_POINTS, 50, 1}) {
        assertThat(compact.points(max))
            .as("seed %d, max %d", seed, max)
            .isEqualTo(plain.points(max));
      }
    }
  }

  @Test
  void holdsAFewBytesPerPointAtItsCap() {
    Timeline timeline = new Timeline();
    long t = 1_700_000_000_000L;
    for (int i = 0; i < 10_000; i++) {
      t += 30_000 + i % 7 * 1_000;
      timeline.add(Instant.ofEpochMilli(t), i % 9, i % 3);
    }

    // The plain arrays held 16 bytes a point and twice the points drawn: 7,680 bytes at the cap.
    // Here only the drawn points are held, each a 3-byte time step and one byte for both counts'
    // changes, with an eighth of room to grow.
    System.out.println("timeline bytes " + timeline.encodedBytes());
    assertThat(timeline.encodedBytes())
        .isLessThanOrEqualTo(Thresholds.MAX_TIMELINE_POINTS * 4 * 5 / 4);
  }

  /** The timeline as it was: three parallel arrays, 16 bytes a point. */
  private static final class PlainTimeline {
    private static final int CAPACITY = 2 * Thresholds.MAX_TIMELINE_POINTS;
    private final long[] times = new long[CAPACITY];
    private final int[] open = new int[CAPACITY];
    private final int[] active = new int[CAPACITY];
    private int size;

    void add(long t, int openNow, int activeNow) {
      if (size > 0 && times[size - 1] == t) {
        open[size - 1] = openNow;
        active[size - 1] = activeNow;
        return;
      }
      if (size == CAPACITY) {
        size = fold(times, open, active, size);
      }
      times[size] = t;
      open[size] = openNow;
      active[size] = activeNow;
      size++;
    }

    List<SessionSummary.TimelinePoint> points(int max) {
      long[] t = Arrays.copyOf(times, size);
      int[] o = Arrays.copyOf(open, size);
      int[] a = Arrays.copyOf(active, size);
      int n = size;
      while (n > max) {
        n = fold(t, o, a, n);
      }
      List<SessionSummary.TimelinePoint> result = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        result.add(new SessionSummary.TimelinePoint(Instant.ofEpochMilli(t[i]), o[i], a[i]));
      }
      return result;
    }

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
}
