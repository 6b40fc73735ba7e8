package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One user's open/active session counts over time on one server, as a bounded step function. When
 * the buffer fills, neighbouring points are folded into one carrying the larger counts, so the
 * upper envelope (the peaks) survives any amount of thinning while memory stays fixed.
 *
 * <p>Every track has one, so it is kept small: the points are a byte stream — the time as a
 * variable-length step from the previous point, then the two counts as one byte of changes when
 * both moved by at most {@value #MAX_PACKED_CHANGE} (sessions open and close one by one), else
 * {@value #UNPACKED} and both counts in full: about 4 bytes a point instead of 16, at most {@value
 * #CAPACITY} points (≈ 2 KB). The last point stays unencoded because several changes at one instant
 * rewrite it.
 */
final class Timeline implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int CAPACITY = 2 * Thresholds.MAX_TIMELINE_POINTS;

  /** The most each count may have moved for both to be packed into one byte. */
  private static final int MAX_PACKED_CHANGE = 7;

  private static final int PACKED_VALUES = 2 * MAX_PACKED_CHANGE + 1;

  /** The byte that says both counts follow in full, as variable-length numbers. */
  private static final int UNPACKED = 0xFF;

  /**
   * Points before the last: zigzag varint time step (ms), then the counts' changes packed in one
   * byte, or {@link #UNPACKED} and varint open, varint active.
   */
  private byte[] steps;

  private int length;

  /** Time of the last point in {@link #steps}: the base of the next step. */
  private long encodedTime;

  /** Counts of the last point in {@link #steps}: the base of the next changes. */
  private int encodedOpen;

  private int encodedActive;

  private long lastTime;
  private int lastOpen;
  private int lastActive;

  /** Points held, the last one included. */
  private int size;

  void add(Instant time, int openNow, int activeNow) {
    long t = time.toEpochMilli();
    if (size > 0 && lastTime == t) {
      // Several changes at one instant: the step shows the state after the last one.
      lastOpen = openNow;
      lastActive = activeNow;
      return;
    }
    if (size == CAPACITY) {
      fold();
    }
    if (size > 0) {
      encodeLast();
    }
    lastTime = t;
    lastOpen = openNow;
    lastActive = activeNow;
    size++;
  }

  /** At most {@code max} points, the peaks kept. */
  List<SessionSummary.TimelinePoint> points(int max) {
    long[] t = new long[size];
    int[] o = new int[size];
    int[] a = new int[size];
    decode(t, o, a);
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

  /** Bytes this timeline holds beyond its fixed fields (for the per-track memory budget). */
  int encodedBytes() {
    return steps == null ? 0 : steps.length;
  }

  private void fold() {
    long[] t = new long[size];
    int[] o = new int[size];
    int[] a = new int[size];
    decode(t, o, a);
    int n = fold(t, o, a, size);
    length = 0;
    encodedTime = 0;
    encodedOpen = 0;
    encodedActive = 0;
    size = 0;
    for (int i = 0; i < n; i++) {
      if (size > 0) {
        encodeLast();
      }
      lastTime = t[i];
      lastOpen = o[i];
      lastActive = a[i];
      size++;
    }
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

  private void encodeLast() {
    long step = lastTime - encodedTime;
    room(10 + 1 + 5 + 5);
    putVarLong((step << 1) ^ (step >> 63));
    long openChange = (long) lastOpen - encodedOpen;
    long activeChange = (long) lastActive - encodedActive;
    if (Math.abs(openChange) <= MAX_PACKED_CHANGE && Math.abs(activeChange) <= MAX_PACKED_CHANGE) {
      steps[length++] =
          (byte)
              ((openChange + MAX_PACKED_CHANGE) * PACKED_VALUES + activeChange + MAX_PACKED_CHANGE);
    } else {
      steps[length++] = (byte) UNPACKED;
      putVarLong(lastOpen & 0xFFFFFFFFL);
      putVarLong(lastActive & 0xFFFFFFFFL);
    }
    encodedTime = lastTime;
    encodedOpen = lastOpen;
    encodedActive = lastActive;
  }

  private void decode(long[] t, int[] o, int[] a) {
    readAt = 0;
    long time = 0;
    int open = 0;
    int active = 0;
    int i = 0;
    while (readAt < length) {
      long zigzag = readVarLong();
      time += (zigzag >>> 1) ^ -(zigzag & 1);
      t[i] = time;
      int packed = steps[readAt++] & 0xFF;
      if (packed == UNPACKED) {
        open = (int) readVarLong();
        active = (int) readVarLong();
      } else {
        open += packed / PACKED_VALUES - MAX_PACKED_CHANGE;
        active += packed % PACKED_VALUES - MAX_PACKED_CHANGE;
      }
      o[i] = open;
      a[i] = active;
      i++;
    }
    if (size > 0) {
      t[i] = lastTime;
      o[i] = lastOpen;
      a[i] = lastActive;
    }
  }

  /** Where {@link #readVarLong} reads next; only used while decoding. */
  private int readAt;

  private long readVarLong() {
    long v = 0;
    int shift = 0;
    byte b;
    do {
      b = steps[readAt++];
      v |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return v;
  }

  private void room(int bytes) {
    if (steps == null) {
      steps = new byte[Math.max(32, bytes)];
    } else if (length + bytes > steps.length) {
      // Small steps: every track has a timeline, and the slack of a larger growth factor stays
      // allocated for the rest of the run.
      steps =
          Arrays.copyOf(
              steps, Math.max(length + bytes, steps.length + Math.max(64, steps.length >> 3)));
    }
  }

  private void putVarLong(long v) {
    while ((v & ~0x7FL) != 0) {
      steps[length++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    steps[length++] = (byte) v;
  }
}
