package org.mapiscope.cli;

import java.util.Locale;

/**
 * Decides, from the live heap measured after each full collection, whether a run can still finish,
 * so that a heap too small for the evidence ends the run within seconds with advice instead of
 * minutes of back-to-back collections.
 *
 * <p>Analysis memory grows with the (server, user) tracks, and tracks arrive as the files are read.
 * So after a full collection the run stops when the live heap leaves no room to work ({@value
 * #FULL_SHARE} of the maximum), or when, past a quarter of the input, its growth since an earlier
 * full collection, extrapolated to the whole input, would not fit. A collector may postpone full
 * collections until the heap is all but full, so once a young collection leaves more than a third
 * of the heap in use past a quarter of the input, the guard asks for a full collection to measure
 * (at most once per tenth of the input): the verdict then comes early, not after minutes of
 * collecting. Fed readings by {@link HeapWatch}; thread-safe.
 */
final class HeapGuard {

  /** Live share of the maximum heap after a full collection from which no run makes progress. */
  static final double FULL_SHARE = 0.90;

  /** Share of the input read before the live heap is extrapolated to the rest. */
  static final double EXTRAPOLATE_FROM = 0.25;

  /** Live share below which extrapolation is not trusted to stop a run (fixed costs dominate). */
  static final double EXTRAPOLATE_ABOVE = 0.35;

  private static final long MB = 1024 * 1024;

  /** Share of the input between two full collections the guard asks for. */
  static final double MEASURE_EVERY = 0.10;

  /** Least share of the input between the two full collections whose growth is extrapolated. */
  static final double MIN_GROWTH_SPAN = 0.05;

  private final long maxHeap;
  private volatile double shareRead;
  private double earlierRead = -1;
  private long earlierLive;
  private double measuredAt = -1;
  private volatile Shortage shortage;

  HeapGuard(long maxHeap) {
    this.maxHeap = maxHeap;
  }

  /** Why the run must stop: the live heap after a full collection and what the input needs. */
  record Shortage(long liveBytes, long maxBytes, double shareRead, long neededBytes) {}

  /** How much of the input (by bytes) has been read, 0 to 1. */
  void read(long bytesDone, long bytesTotal) {
    if (bytesTotal > 0) {
      shareRead = Math.min(1.0, Math.max(0.0, (double) bytesDone / bytesTotal));
    }
  }

  /**
   * A young collection left {@code usedBytes} in use (live data and old garbage): whether a full
   * collection should measure the live heap now.
   */
  synchronized boolean measureAfterYoungCollection(long usedBytes) {
    double read = shareRead;
    if (shortage != null
        || maxHeap <= 0
        || read < EXTRAPOLATE_FROM
        || read >= 1.0
        || usedBytes < EXTRAPOLATE_ABOVE * maxHeap
        || (measuredAt >= 0 && read < measuredAt + MEASURE_EVERY)) {
      return false;
    }
    measuredAt = read;
    return true;
  }

  /**
   * A full collection left {@code liveBytes} in use. The rest of the input is extrapolated from the
   * growth since an earlier full collection, not from the live heap alone: when the same users come
   * back day after day, their tracks are all there early and the live heap stops growing, and such
   * a run must go on.
   */
  synchronized void afterFullCollection(long liveBytes) {
    if (shortage != null || maxHeap <= 0) {
      return;
    }
    double read = shareRead;
    long needed = liveBytes;
    boolean spaced = earlierRead >= 0 && read - earlierRead >= MIN_GROWTH_SPAN;
    if (read >= EXTRAPOLATE_FROM && read < 1.0 && spaced) {
      double growthPerShare = Math.max(0.0, (liveBytes - earlierLive) / (read - earlierRead));
      needed = liveBytes + (long) (growthPerShare * (1.0 - read));
    }
    if (earlierRead < 0 || spaced) {
      earlierRead = read;
      earlierLive = liveBytes;
    }
    boolean full = liveBytes >= FULL_SHARE * maxHeap;
    boolean wontFit = liveBytes >= EXTRAPOLATE_ABOVE * maxHeap && needed >= FULL_SHARE * maxHeap;
    if (full || wontFit) {
      shortage = new Shortage(liveBytes, maxHeap, read, Math.max(needed, liveBytes));
    }
  }

  /** The shortage when the JVM ran out of heap before a full collection could tell this guard. */
  Shortage exhausted() {
    Shortage known = shortage;
    if (known != null) {
      return known;
    }
    double read = shareRead;
    long needed = read >= EXTRAPOLATE_FROM && read < 1.0 ? (long) (maxHeap / read) : maxHeap;
    return new Shortage(maxHeap, maxHeap, read, needed);
  }

  /** The shortage that stops the run, or null while it may go on. Cheap: one volatile read. */
  Shortage shortage() {
    return shortage;
  }

  /**
   * What to tell the user: how many tracks hold how much, what the whole input needs, and the two
   * ways out.
   */
  static String message(Shortage s, long tracks) {
    long suggestMb = roundUp(Math.max(s.neededBytes() * 3 / 2, s.maxBytes() * 2) / MB, 256);
    return String.format(
        Locale.ROOT,
        "not enough memory to analyse this evidence in one run: %,d (server, user) tracks hold"
            + " %,d MB of the %,d MB heap after garbage collection with %.0f%% of the input read,"
            + " and the whole input needs about %,d MB. Run again with more heap, e.g."
            + " MAPISCOPE_JAVA_OPTS=-Xmx%dm (the machine's memory permitting), or split the"
            + " evidence: analyse the servers in separate runs or with `mapiscope fleet`.",
        tracks,
        s.liveBytes() / MB,
        s.maxBytes() / MB,
        s.shareRead() * 100,
        Math.max(s.neededBytes(), s.liveBytes()) / MB,
        suggestMb);
  }

  private static long roundUp(long value, long step) {
    return (value + step - 1) / step * step;
  }
}
