package org.mapiscope.sim.scenario;

import java.util.List;
import java.util.Set;
import org.mapiscope.model.ExchangeDefaults;

/**
 * The simulated store's settings.
 *
 * @param name the server's host name, used in emitted evidence (default {@value #DEFAULT_NAME})
 * @param sessionLimit Maximum Allowed Sessions Per User
 * @param keepAliveTimeMs TCP KeepAliveTime
 * @param keepAliveIntervalMs TCP KeepAliveInterval
 * @param keepAliveProbes unanswered probes before a peer is declared dead
 * @param exchangeVersion 2010, 2013, 2016 or 2019: the shape of the emitted logs (default 2010)
 * @param restartsMs when the service restarts, in simulated time, ascending: every open session is
 *     dropped and the service is back {@link #RESTART_DOWNTIME_MS} later (default none)
 */
public record Server(
    String name,
    int sessionLimit,
    long keepAliveTimeMs,
    long keepAliveIntervalMs,
    int keepAliveProbes,
    int exchangeVersion,
    List<Long> restartsMs) {

  public static final String DEFAULT_NAME = "EX01";
  public static final int DEFAULT_EXCHANGE_VERSION = 2010;
  public static final Set<Integer> EXCHANGE_VERSIONS = Set.of(2010, 2013, 2016, 2019);

  /** How long a restarting service takes to accept connections again (stop, start, warm-up). */
  public static final long RESTART_DOWNTIME_MS = 120_000L;

  public Server {
    restartsMs = List.copyOf(restartsMs);
  }

  /** Settings of an Exchange 2010 server that does not restart. */
  public Server(
      String name,
      int sessionLimit,
      long keepAliveTimeMs,
      long keepAliveIntervalMs,
      int keepAliveProbes) {
    this(
        name,
        sessionLimit,
        keepAliveTimeMs,
        keepAliveIntervalMs,
        keepAliveProbes,
        DEFAULT_EXCHANGE_VERSION,
        List.of());
  }

  /** A stock server: the defaults of {@link ExchangeDefaults}. */
  public static Server stock() {
    return new Server(
        DEFAULT_NAME,
        ExchangeDefaults.SESSIONS_PER_USER,
        ExchangeDefaults.KEEP_ALIVE_TIME_MS,
        ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS,
        ExchangeDefaults.KEEP_ALIVE_PROBES);
  }

  /** Idle time after which TCP keepalive reaps the sessions of a vanished client. */
  public long deadPeerDetectionMs() {
    return ExchangeDefaults.deadPeerDetectionMs(
        keepAliveTimeMs, keepAliveIntervalMs, keepAliveProbes);
  }
}
