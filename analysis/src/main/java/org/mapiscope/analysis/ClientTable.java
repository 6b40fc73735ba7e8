package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.mapiscope.model.EvidenceRef;

/**
 * The clients of one track and their counters, most recently used kept: beyond {@code cap} the
 * client used longest ago that has no open session is handed to {@code folded} and dropped; a
 * client with open sessions is live state and stays, even past the cap. Not thread-safe: its
 * track's server serialises access.
 *
 * <p>Every track has one and a VPN user fills the cap, so a client is a row of arrays (the parts of
 * its key, its counters side by side in one {@code int[]}, its peak time and place in one {@code
 * long[]}), not objects: about 56 bytes a client instead of about 125 for a key, a map entry, a
 * counter object and the evidence reference of its peak (docs/performance.md). Callers find a
 * client's row with {@link #getOrAdd} or {@link #get} and pass it to the counting methods before
 * the next client is added.
 */
final class ClientTable implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Where a dropped client is folded; serializable so a partial analysis can move machines. */
  interface Folded extends BiConsumer<ClientKey, ClientStats>, Serializable {}

  /** What a client did on its track, read at the end of the analysis or when it is folded. */
  record ClientStats(int sessions, int peakActive, Instant peakAt, EvidenceRef peakRef)
      implements Serializable {}

  // The ints of a row, in order.
  private static final int LAST_USE = 0;
  private static final int SESSIONS = 1;
  private static final int ACTIVE_NOW = 2;
  private static final int PEAK_ACTIVE = 3;

  /**
   * Open sessions from this client, superseded ones included: while any is open the row is live
   * state.
   */
  private static final int OPEN_NOW = 4;

  /** Nanoseconds of the peak's second, and the kind of its evidence reference in the top bits. */
  private static final int PEAK_NANO_AND_KIND = 5;

  private static final int INTS = 6;

  // The longs of a row.
  private static final int PEAK_SECOND = 0;
  private static final int PEAK_POSITION = 1;
  private static final int LONGS = 2;

  private static final int KIND_SHIFT = 30;
  private static final int NANO_MASK = (1 << KIND_SHIFT) - 1;
  private static final EvidenceRef.Kind[] KINDS = EvidenceRef.Kind.values();

  static {
    if (KINDS.length > 1 << (Integer.SIZE - KIND_SHIFT)) {
      throw new IllegalStateException("more evidence kinds than the bits above the nanoseconds");
    }
  }

  private final int cap;
  private final Folded folded;
  // Each client's key as its three parts: the parts are shared with the reader's cached fields, a
  // key object per client would not be.
  private String[] ips = new String[4];
  private String[] softwares = new String[4];
  private String[] modes = new String[4];

  /** The file of each client's peak evidence (file names are shared by every row of a file). */
  private String[] peakFiles = new String[4];

  private int[] ints = new int[4 * INTS];
  private long[] longs = new long[4 * LONGS];

  private int size;

  /** Ticks on each use; a client's {@link #LAST_USE} is when it was last used. */
  private int clock;

  ClientTable(int cap, Folded folded) {
    this.cap = cap;
    this.folded = folded;
  }

  /** The client's row, new for a client not held; the client counts as used now. */
  int getOrAdd(ClientKey client) {
    int row = indexOf(client);
    if (row < 0) {
      if (size >= cap) {
        foldLeastRecentlyUsed();
      }
      row = add(client);
    }
    ints[row * INTS + LAST_USE] = ++clock;
    return row;
  }

  /** The client's row, or -1 when not held; the client counts as used now. */
  int get(ClientKey client) {
    int row = indexOf(client);
    if (row >= 0) {
      ints[row * INTS + LAST_USE] = ++clock;
    }
    return row;
  }

  boolean contains(ClientKey client) {
    return indexOf(client) >= 0;
  }

  int size() {
    return size;
  }

  /** A session opened from the row's client: a new peak of active sessions marks when and where. */
  void connected(int row, Instant time, EvidenceRef ref) {
    int at = row * INTS;
    ints[at + SESSIONS]++;
    int activeNow = ++ints[at + ACTIVE_NOW];
    ints[at + OPEN_NOW]++;
    if (activeNow > ints[at + PEAK_ACTIVE]) {
      ints[at + PEAK_ACTIVE] = activeNow;
      ints[at + PEAK_NANO_AND_KIND] = time.getNano() | ref.kind().ordinal() << KIND_SHIFT;
      longs[row * LONGS + PEAK_SECOND] = time.getEpochSecond();
      longs[row * LONGS + PEAK_POSITION] = ref.position();
      peakFiles[row] = ref.file();
    }
  }

  /** One of the row's sessions stopped counting as active (its client moved on) but is open. */
  void deactivated(int row) {
    ints[row * INTS + ACTIVE_NOW]--;
  }

  /** A superseded session of the row's client showed activity again. */
  void reactivated(int row) {
    int at = row * INTS;
    int activeNow = ++ints[at + ACTIVE_NOW];
    ints[at + PEAK_ACTIVE] = Math.max(ints[at + PEAK_ACTIVE], activeNow);
  }

  /** One of the row's sessions closed; {@code wasActive} unless it had been superseded. */
  void closed(int row, boolean wasActive) {
    int at = row * INTS;
    ints[at + OPEN_NOW]--;
    if (wasActive) {
      ints[at + ACTIVE_NOW]--;
    }
  }

  int openNow(int row) {
    return ints[row * INTS + OPEN_NOW];
  }

  ClientStats stats(int row) {
    int at = row * INTS;
    int nanoAndKind = ints[at + PEAK_NANO_AND_KIND];
    String file = peakFiles[row];
    return new ClientStats(
        ints[at + SESSIONS],
        ints[at + PEAK_ACTIVE],
        Instant.ofEpochSecond(longs[row * LONGS + PEAK_SECOND], nanoAndKind & NANO_MASK),
        file == null
            ? null
            : new EvidenceRef(
                file, KINDS[nanoAndKind >>> KIND_SHIFT], longs[row * LONGS + PEAK_POSITION]));
  }

  /** Each held client and its counters, in no particular order. */
  void forEach(BiConsumer<ClientKey, ClientStats> action) {
    for (int row = 0; row < size; row++) {
      action.accept(key(row), stats(row));
    }
  }

  /** Each held client and the sessions it opened, in no particular order. */
  void forEachSessions(ObjIntConsumer<ClientKey> action) {
    for (int row = 0; row < size; row++) {
      action.accept(key(row), ints[row * INTS + SESSIONS]);
    }
  }

  /** The software of each held client, in no particular order. */
  void forEachSoftware(Consumer<String> action) {
    for (int row = 0; row < size; row++) {
      action.accept(softwares[row]);
    }
  }

  /**
   * The held client with the most sessions active at once, the first in natural order among equals;
   * null when none is held.
   */
  ClientKey strongest() {
    int best = -1;
    ClientKey bestKey = null;
    for (int row = 0; row < size; row++) {
      int peak = ints[row * INTS + PEAK_ACTIVE];
      int bestPeak = best < 0 ? 0 : ints[best * INTS + PEAK_ACTIVE];
      if (best < 0 || peak > bestPeak) {
        best = row;
        bestKey = key(row);
      } else if (peak == bestPeak) {
        ClientKey k = key(row);
        if (k.compareTo(bestKey) < 0) {
          best = row;
          bestKey = k;
        }
      }
    }
    return bestKey;
  }

  /** The counters of a held client. */
  ClientStats statsOf(ClientKey client) {
    return stats(indexOf(client));
  }

  /** The held clients in their natural order. */
  Map<ClientKey, ClientStats> sorted() {
    Map<ClientKey, ClientStats> sorted = new TreeMap<>();
    forEach(sorted::put);
    return sorted;
  }

  private ClientKey key(int row) {
    return new ClientKey(ips[row], softwares[row], modes[row]);
  }

  private int indexOf(ClientKey client) {
    // No hash per row: the parts come from the reader's caches, so equal parts are mostly the same
    // instance, and addresses of different clients differ early.
    for (int row = 0; row < size; row++) {
      if (Objects.equals(ips[row], client.ip())
          && Objects.equals(softwares[row], client.software())
          && Objects.equals(modes[row], client.mode())) {
        return row;
      }
    }
    return -1;
  }

  private int add(ClientKey client) {
    if (size == ips.length) {
      int grown = 2 * size;
      ips = Arrays.copyOf(ips, grown);
      softwares = Arrays.copyOf(softwares, grown);
      modes = Arrays.copyOf(modes, grown);
      peakFiles = Arrays.copyOf(peakFiles, grown);
      ints = Arrays.copyOf(ints, grown * INTS);
      longs = Arrays.copyOf(longs, grown * LONGS);
    }
    int row = size++;
    ips[row] = client.ip();
    softwares[row] = client.software();
    modes[row] = client.mode();
    return row;
  }

  /** Folds the client used longest ago that has no open session, if there is one. */
  private void foldLeastRecentlyUsed() {
    int oldest = -1;
    for (int row = 0; row < size; row++) {
      if (ints[row * INTS + OPEN_NOW] <= 0
          && (oldest < 0 || ints[row * INTS + LAST_USE] - ints[oldest * INTS + LAST_USE] < 0)) {
        oldest = row;
      }
    }
    if (oldest < 0) {
      return;
    }
    ClientKey key = key(oldest);
    ClientStats dropped = stats(oldest);
    int last = --size;
    ips[oldest] = ips[last];
    softwares[oldest] = softwares[last];
    modes[oldest] = modes[last];
    peakFiles[oldest] = peakFiles[last];
    System.arraycopy(ints, last * INTS, ints, oldest * INTS, INTS);
    System.arraycopy(longs, last * LONGS, longs, oldest * LONGS, LONGS);
    ips[last] = null;
    softwares[last] = null;
    modes[last] = null;
    peakFiles[last] = null;
    Arrays.fill(ints, last * INTS, (last + 1) * INTS, 0);
    Arrays.fill(longs, last * LONGS, (last + 1) * LONGS, 0);
    folded.accept(key, dropped);
  }
}
