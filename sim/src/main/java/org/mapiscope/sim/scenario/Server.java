package org.mapiscope.sim.scenario;

import org.mapiscope.model.ExchangeDefaults;

/**
 * The simulated store's settings.
 *
 * @param name the server's host name, used in emitted evidence (default {@value #DEFAULT_NAME})
 * @param sessionLimit Maximum Allowed Sessions Per User
 * @param keepAliveTimeMs TCP KeepAliveTime
 * @param keepAliveIntervalMs TCP KeepAliveInterval
 * @param keepAliveProbes unanswered probes before a peer is declared dead
 */
public record Server(String name, int sessionLimit, long keepAliveTimeMs, long keepAliveIntervalMs,
        int keepAliveProbes) {

    public static final String DEFAULT_NAME = "EX01";

    /** A stock server: the defaults of {@link ExchangeDefaults}. */
    public static Server stock() {
        return new Server(DEFAULT_NAME, ExchangeDefaults.SESSIONS_PER_USER, ExchangeDefaults.KEEP_ALIVE_TIME_MS,
                ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS, ExchangeDefaults.KEEP_ALIVE_PROBES);
    }

    /** Idle time after which TCP keepalive reaps the sessions of a vanished client. */
    public long deadPeerDetectionMs() {
        return ExchangeDefaults.deadPeerDetectionMs(keepAliveTimeMs, keepAliveIntervalMs, keepAliveProbes);
    }
}
