package org.mapiscope.sim;

import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Server;

/**
 * When the server lets go of a vanished client's sessions, counted from the client's last activity.
 * Directly connected: TCP keepalive declares the peer dead after KeepAliveTime + probes × interval.
 * Behind a middlebox that answers the probes: never, unless the scenario gives the middlebox an
 * idle timeout; then it forgets the flow silently at that time, the next probe (sent every
 * KeepAliveTime of idleness) goes unanswered and the usual probes × interval later the sessions are
 * reaped.
 */
final class ReapDelay {

  private ReapDelay() {}

  /** Delay after the last activity, or {@link Engine#NEVER}. */
  static long delayMs(Server server, Population pop) {
    if (!pop.behindMiddlebox()) {
      return server.deadPeerDetectionMs();
    }
    if (pop.middleboxIdleTimeoutMs().isEmpty()) {
      return Engine.NEVER;
    }
    long keepAlive = server.keepAliveTimeMs();
    long probesAnswered = (pop.middleboxIdleTimeoutMs().getAsLong() + keepAlive - 1) / keepAlive;
    return probesAnswered * keepAlive + server.deadPeerDetectionMs() - keepAlive;
  }
}
