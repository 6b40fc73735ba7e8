package org.mapiscope.analysis;

import java.time.Instant;
import org.mapiscope.model.Setting;

/**
 * One server's settings as the diagnosis uses them, read or defaulted.
 *
 * @param server server key
 * @param keepAliveMs KeepAliveTime in force (read, else the 2 h default)
 * @param keepAliveSetting the KeepAliveTime read, or {@code null} when absent
 * @param exportSeen a registry export of this server was read (so "absent" is a fact)
 * @param deadPeerMs KeepAliveTime + probes × KeepAliveInterval
 * @param sessionLimit the per-user session cap (from 9646 events, else the registry, else 32)
 * @param sessionLimitSetting the registry value read, or {@code null}
 * @param end end of this server's evidence, or {@code null} when it has no RCA logs
 */
record ServerFacts(
    String server,
    long keepAliveMs,
    Setting keepAliveSetting,
    boolean exportSeen,
    long deadPeerMs,
    int sessionLimit,
    Setting sessionLimitSetting,
    Instant end) {

  long heldMs() {
    return (long) (deadPeerMs * Thresholds.HELD_FACTOR);
  }

  /** The name reports use: {@code null} for evidence without a server name. */
  String displayName() {
    return ServerNames.isKnown(server) ? server : null;
  }
}
