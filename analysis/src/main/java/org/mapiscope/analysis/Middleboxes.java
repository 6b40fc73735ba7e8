package org.mapiscope.analysis;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.LogonSnapshot;

/**
 * Finds addresses that hold sessions for many users far beyond keepalive (docs/domain.md,
 * MIDDLEBOX_HOLDING): per server, an address from which at least {@link
 * Thresholds#MIDDLEBOX_MIN_USERS} users have superseded sessions (RCA) or logons (snapshots) alive
 * {@link Thresholds#HELD_FACTOR} dead-peer times after their client left.
 */
final class Middleboxes {

  /** server → address → users with held sessions there */
  private final Map<String, Map<String, Set<String>>> holders = new TreeMap<>();

  /**
   * @param servers server key → the states read for it (its own and its aliases')
   */
  static Middleboxes find(Map<String, List<ServerState>> servers, Map<String, ServerFacts> facts) {
    Middleboxes m = new Middleboxes();
    servers.forEach(
        (server, states) -> states.forEach(state -> m.addAll(server, state, facts.get(server))));
    return m;
  }

  private void addAll(String server, ServerState state, ServerFacts sf) {
    for (UserTrack t : state.users.values()) {
      t.lingeringByAddress()
          .forEach(
              (address, lingering) -> {
                if (!UserTrack.UNKNOWN_ADDRESS.equals(address)
                    && lingering.held(sf.deadPeerMs()) > 0) {
                  add(server, address, t.user);
                }
              });
      for (LogonCaptures.Capture c : t.captures.list()) {
        for (LogonSnapshot row : c.rows) {
          if (row.clientIp() != null && idleMs(row) >= sf.heldMs()) {
            add(server, row.clientIp(), t.user);
          }
        }
      }
    }
    if (sf.end() != null) {
      for (OpenSession s : state.openSessions()) {
        if (s.superseded()
            && s.client.ip() != null
            && Duration.between(s.supersededAt, sf.end()).toMillis() >= sf.heldMs()) {
          add(server, s.client.ip(), s.user);
        }
      }
    }
  }

  boolean isMiddlebox(String server, String address) {
    return users(server, address).size() >= Thresholds.MIDDLEBOX_MIN_USERS;
  }

  Set<String> users(String server, String address) {
    return holders.getOrDefault(server, Map.of()).getOrDefault(address, Set.of());
  }

  static long idleMs(LogonSnapshot row) {
    return row.lastAccess() == null
        ? -1
        : Duration.between(row.lastAccess(), row.time()).toMillis();
  }

  private void add(String server, String address, String user) {
    holders
        .computeIfAbsent(server, k -> new HashMap<>())
        .computeIfAbsent(address, k -> new TreeSet<>())
        .add(user);
  }
}
