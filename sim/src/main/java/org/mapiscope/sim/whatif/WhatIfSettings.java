package org.mapiscope.sim.whatif;

import org.mapiscope.model.ExchangeDefaults;

/**
 * The settings to replay under; the first two components are the {@code settings} keys of
 * docs/simulator.md {@code whatif --json}.
 */
public record WhatIfSettings(
    long keepAliveTimeMs, int sessionLimit, long keepAliveIntervalMs, int keepAliveProbes) {

  public WhatIfSettings {
    if (keepAliveTimeMs < 0 || keepAliveIntervalMs < 0 || keepAliveProbes < 0 || sessionLimit < 0) {
      throw new IllegalArgumentException("settings must not be negative");
    }
  }

  /** A stock server: 2 h keepalive, 1 s interval, 10 probes, 32 sessions per user. */
  public static WhatIfSettings stock() {
    return new WhatIfSettings(
        ExchangeDefaults.KEEP_ALIVE_TIME_MS,
        ExchangeDefaults.SESSIONS_PER_USER,
        ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS,
        ExchangeDefaults.KEEP_ALIVE_PROBES);
  }

  public WhatIfSettings withKeepAliveTime(long ms) {
    return new WhatIfSettings(ms, sessionLimit, keepAliveIntervalMs, keepAliveProbes);
  }

  public WhatIfSettings withSessionLimit(int limit) {
    return new WhatIfSettings(keepAliveTimeMs, limit, keepAliveIntervalMs, keepAliveProbes);
  }

  /** Idle time after the client moved on at which keepalive reaps its session. */
  long deadPeerDetectionMs() {
    return ExchangeDefaults.deadPeerDetectionMs(
        keepAliveTimeMs, keepAliveIntervalMs, keepAliveProbes);
  }
}
