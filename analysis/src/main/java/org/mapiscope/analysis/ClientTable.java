package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The clients of one track and their counters, most recently used kept: beyond {@code cap} the
 * client used longest ago that has no open session is handed to {@code folded} and dropped; a
 * client with open sessions is live state and stays, even past the cap. Arrays searched in order,
 * not a map of entries: a track holds at most a few dozen clients, and a VPN user fills the cap, so
 * each client costs about 16 bytes here instead of about 55 (docs/performance.md). Not thread-safe:
 * its track's server serialises access.
 */
final class ClientTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where a dropped client is folded; serializable so a partial analysis can move machines. */
  interface Folded extends BiConsumer<ClientKey, UserTrack.ClientStats>, Serializable {}

  private final int cap;
  private final Folded folded;
  private ClientKey[] keys = new ClientKey[4];
  private int[] hashes = new int[4];
  private UserTrack.ClientStats[] stats = new UserTrack.ClientStats[4];

  /** When each client was last used, on {@link #clock}: the smallest goes first. */
  private int[] lastUse = new int[4];

  private int size;
  private int clock;

  ClientTable(int cap, Folded folded) {
    this.cap = cap;
    this.folded = folded;
  }

  /** The client's counters, new ones for a client not held; the client counts as used now. */
  UserTrack.ClientStats getOrAdd(ClientKey client) {
    int i = indexOf(client);
    if (i < 0) {
      if (size >= cap) {
        foldLeastRecentlyUsed();
      }
      i = add(client);
    }
    lastUse[i] = ++clock;
    return stats[i];
  }

  /** The client's counters, or null; the client counts as used now. */
  UserTrack.ClientStats get(ClientKey client) {
    int i = indexOf(client);
    if (i < 0) {
      return null;
    }
    lastUse[i] = ++clock;
    return stats[i];
  }

  boolean contains(ClientKey client) {
    return indexOf(client) >= 0;
  }

  int size() {
    return size;
  }

  /** Each held client and its counters, in no particular order. */
  void forEach(BiConsumer<ClientKey, UserTrack.ClientStats> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], stats[i]);
    }
  }

  /** The held clients in their natural order. */
  Map<ClientKey, UserTrack.ClientStats> sorted() {
    Map<ClientKey, UserTrack.ClientStats> sorted = new TreeMap<>();
    forEach(sorted::put);
    return sorted;
  }

  private int indexOf(ClientKey client) {
    int hash = client.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && keys[i].equals(client)) {
        return i;
      }
    }
    return -1;
  }

  private int add(ClientKey client) {
    if (size == keys.length) {
      int grown = 2 * size;
      keys = Arrays.copyOf(keys, grown);
      hashes = Arrays.copyOf(hashes, grown);
      stats = Arrays.copyOf(stats, grown);
      lastUse = Arrays.copyOf(lastUse, grown);
    }
    int i = size++;
    keys[i] = client;
    hashes[i] = client.hashCode();
    stats[i] = new UserTrack.ClientStats();
    return i;
  }

  /** Folds the client used longest ago that has no open session, if there is one. */
  private void foldLeastRecentlyUsed() {
    int oldest = -1;
    for (int i = 0; i < size; i++) {
      if (stats[i].openNow <= 0 && (oldest < 0 || lastUse[i] - lastUse[oldest] < 0)) {
        oldest = i;
      }
    }
    if (oldest < 0) {
      return;
    }
    ClientKey key = keys[oldest];
    UserTrack.ClientStats dropped = stats[oldest];
    int last = --size;
    keys[oldest] = keys[last];
    hashes[oldest] = hashes[last];
    stats[oldest] = stats[last];
    lastUse[oldest] = lastUse[last];
    keys[last] = null;
    stats[last] = null;
    folded.accept(key, dropped);
  }
}
