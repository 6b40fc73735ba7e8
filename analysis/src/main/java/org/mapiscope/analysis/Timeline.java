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
 * <p>It draws what a buffer of {@value #CAPACITY} points draws that folds pairs when full and once
 * more when it holds over {@value Thresholds#MAX_TIMELINE_POINTS} points at the end: but since that
 * last fold pairs the same neighbours as the fold at the cap, it holds the pairs already folded
 * once the buffer passes {@value Thresholds#MAX_TIMELINE_POINTS} points — half the memory for the
 * same drawing.
 *
 * <p>Every track has one, so it is kept small: the held points are a byte stream — the time as a
 * variable-length step from the previous point, then the two counts as one byte of changes when
 * both moved by at most {@value #MAX_PACKED_CHANGE} (sessions open and close one by one), else
 * {@value #UNPACKED} and both counts in full: about 4 bytes a point, at most {@value
 * Thresholds#MAX_TIMELINE_POINTS} points (≈ 1 KB). The last point (and, once pairs are held, the
 * first of an unfinished pair) stays unencoded because several changes at one instant rewrite it.
 */
final class Timeline implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The points drawn; while the buffer holds more, pairs of neighbours are held folded. */
  private static final int DRAWN = Thresholds.MAX_TIMELINE_POINTS;

  /** Points of the buffer this timeline stands for: at this many, pairs of them are folded. */
  private static final int CAPACITY = 2 * DRAWN;

  /** The most each count may have moved for both to be packed into one byte. */
  private static final int MAX_PACKED_CHANGE = 7;

  private static final int PACKED_VALUES = 2 * MAX_PACKED_CHANGE + 1;

  /** The byte that says both counts follow in full, as variable-length numbers. */
  private static final int UNPACKED = 0xFF;

  /**
   * Held points before the last: zigzag varint time step (ms), then the counts' changes packed in
   * one byte, or {@link #UNPACKED} and varint open, varint active. Once {@link #paired}, each is a
   * folded pair of buffer points.
   */
  private byte[] steps;

  private int length;

  /** Points in {@link #steps}. */
  private int encoded;

  /** Time of the last point in {@link #steps}: the base of the next step. */
  private long encodedTime;

  /** Counts of the last point in {@link #steps}: the base of the next changes. */
  private int encodedOpen;

  private int encodedActive;

  /** Whether {@link #steps} holds folded pairs of buffer points (the buffer passed the drawn). */
  private boolean paired;

  /** The buffer's point before the last, while it and the last make an unfinished pair. */
  private boolean partnered;

  private long partnerTime;
  private int partnerOpen;
  private int partnerActive;

  private long lastTime;
  private int lastOpen;
  private int lastActive;

  /** Points in the buffer this timeline stands for, the last one included. */
  private int size;

  void add(Instant time, int openNow, int activeNow) {
    long t = time.toEpochMilli();
    if (size > 0 && lastTime == t) {
      // Several changes at one instant: the step shows the state after the last one.
      lastOpen = openNow;
      lastActive = activeNow;
      return;
    }
    if (size == DRAWN || size == CAPACITY) {
      // The buffer passes the drawn points, or folds at its cap and passes them again: either
      // way what is drawn from now on is the fold of the points so far.
      holdPairsOf(drawn());
    } else if (paired && partnered) {
      encode(partnerTime, Math.max(partnerOpen, lastOpen), Math.max(partnerActive, lastActive));
      partnered = false;
    } else if (paired) {
      partnerTime = lastTime;
      partnerOpen = lastOpen;
      partnerActive = lastActive;
      partnered = true;
    } else if (size > 0) {
      encode(lastTime, lastOpen, lastActive);
    }
    lastTime = t;
    lastOpen = openNow;
    lastActive = activeNow;
    size++;
  }

  /** At most {@code max} points, the peaks kept; {@code max} is at most the points drawn. */
  List<SessionSummary.TimelinePoint> points(int max) {
    if (max > DRAWN) {
      throw new IllegalArgumentException("at most " + DRAWN + " points are held");
    }
    Points p = drawn();
    int n = p.size;
    while (n > max) {
      n = fold(p.t, p.o, p.a, n);
    }
    List<SessionSummary.TimelinePoint> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(new SessionSummary.TimelinePoint(Instant.ofEpochMilli(p.t[i]), p.o[i], p.a[i]));
    }
    return result;
  }

  /** Bytes this timeline holds beyond its fixed fields (for the per-track memory budget). */
  int encodedBytes() {
    return steps == null ? 0 : steps.length;
  }

  private record Points(long[] t, int[] o, int[] a, int size) {}

  /** The points drawn now: the buffer's, or its folded pairs once it holds more than are drawn. */
  private Points drawn() {
    int n = encoded + (size > 0 ? 1 : 0);
    long[] t = new long[n];
    int[] o = new int[n];
    int[] a = new int[n];
    decode(t, o, a);
    if (size > 0) {
      t[n - 1] = partnered ? partnerTime : lastTime;
      o[n - 1] = partnered ? Math.max(partnerOpen, lastOpen) : lastOpen;
      a[n - 1] = partnered ? Math.max(partnerActive, lastActive) : lastActive;
    }
    return new Points(t, o, a, n);
  }

  /**
   * Holds the folded pairs of {@code points} ({@value #DRAWN} of them, so no pair is unfinished).
   */
  private void holdPairsOf(Points points) {
    int n = fold(points.t, points.o, points.a, points.size);
    length = 0;
    encoded = 0;
    encodedTime = 0;
    encodedOpen = 0;
    encodedActive = 0;
    for (int i = 0; i < n; i++) {
      encode(points.t[i], points.o[i], points.a[i]);
    }
    paired = true;
    partnered = false;
    size = points.size;
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

  private void encode(long time, int open, int active) {
    long step = time - encodedTime;
    room(10 + 1 + 5 + 5);
    putVarLong((step << 1) ^ (step >> 63));
    long openChange = (long) open - encodedOpen;
    long activeChange = (long) active - encodedActive;
    if (Math.abs(openChange) <= MAX_PACKED_CHANGE && Math.abs(activeChange) <= MAX_PACKED_CHANGE) {
      steps[length++] =
          (byte)
              ((openChange + MAX_PACKED_CHANGE) * PACKED_VALUES + activeChange + MAX_PACKED_CHANGE);
    } else {
      steps[length++] = (byte) UNPACKED;
      putVarLong(open & 0xFFFFFFFFL);
      putVarLong(active & 0xFFFFFFFFL);
    }
    encodedTime = time;
    encodedOpen = open;
    encodedActive = active;
    encoded++;
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
