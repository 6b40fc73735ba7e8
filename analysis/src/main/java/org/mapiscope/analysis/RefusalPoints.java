package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Refused attempts of one user on one server, as points in time with the client that tried (when
 * the evidence names it: RCA rows do, 9646 events do not). Eight bytes a point plus one small entry
 * per distinct client; merged by concatenation. Not thread-safe.
 */
final class RefusalPoints implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Client index of a point whose client the evidence does not name. */
  static final int UNKNOWN_CLIENT = -1;

  private static final long[] NO_TIMES = new long[0];
  private static final int[] NO_CLIENTS = new int[0];

  // Every (server, user) track has some; most stay empty, so nothing is allocated until the first
  // point.
  private long[] times = NO_TIMES;
  private int[] clients = NO_CLIENTS;
  private int size;

  /** The distinct clients, by index; null until the first point that names one. */
  private ClientKey[] clientKeys;

  private int clientCount;

  /** Index of {@link #clientKeys} once there are more than {@value #SEARCHED} clients. */
  private Map<ClientKey, Integer> clientIndex;

  /** Up to this many clients are searched in order: a map would cost more than it saves. */
  private static final int SEARCHED = 16;

  void add(long time, ClientKey client) {
    if (size == times.length) {
      times = Arrays.copyOf(times, Math.max(8, size * 2));
      clients = Arrays.copyOf(clients, Math.max(8, size * 2));
    }
    times[size] = time;
    clients[size] = client == null ? UNKNOWN_CLIENT : indexOf(client);
    size++;
  }

  private int indexOf(ClientKey client) {
    if (clientIndex != null) {
      Integer known = clientIndex.get(client);
      if (known != null) {
        return known;
      }
    } else {
      for (int i = 0; i < clientCount; i++) {
        if (clientKeys[i].equals(client)) {
          return i;
        }
      }
    }
    if (clientKeys == null) {
      clientKeys = new ClientKey[4];
    } else if (clientCount == clientKeys.length) {
      clientKeys = Arrays.copyOf(clientKeys, 2 * clientCount);
    }
    int index = clientCount++;
    clientKeys[index] = client;
    if (clientIndex != null) {
      clientIndex.put(client, index);
    } else if (clientCount > SEARCHED) {
      clientIndex = new HashMap<>();
      for (int i = 0; i < clientCount; i++) {
        clientIndex.put(clientKeys[i], i);
      }
    }
    return index;
  }

  void addAll(RefusalPoints other) {
    for (int i = 0; i < other.size; i++) {
      add(
          other.times[i],
          other.clients[i] == UNKNOWN_CLIENT ? null : other.clientKeys[other.clients[i]]);
    }
  }

  /**
   * Removes up to {@code n} points with times in {@code [from, to]} (copies of events counted
   * twice).
   */
  void removeWithin(long from, long to, int n) {
    int w = 0;
    int removed = 0;
    for (int r = 0; r < size; r++) {
      if (removed < n && times[r] >= from && times[r] <= to) {
        removed++;
        continue;
      }
      times[w] = times[r];
      clients[w] = clients[r];
      w++;
    }
    size = w;
  }

  int size() {
    return size;
  }

  long time(int i) {
    return times[i];
  }

  /** The client of point {@code i}, or {@code null}. */
  ClientKey client(int i) {
    return clients[i] == UNKNOWN_CLIENT ? null : clientKeys[clients[i]];
  }

  /** Indices of the points in time order. */
  int[] order() {
    Integer[] idx = new Integer[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Long.compare(times[a], times[b]));
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }
}
