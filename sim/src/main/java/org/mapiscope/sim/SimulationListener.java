package org.mapiscope.sim;

/**
 * Sees every client start and end of a run, in simulated-time order, e.g. to write the evidence
 * such a server would have logged. Session ids are consecutive per start: the accepted sessions
 * take {@code firstSessionId …+accepted-1}, the rejected attempts the {@code rejected} ids after
 * them.
 */
public interface SimulationListener {

  /**
   * A client started and tried to open {@code accepted + rejected} sessions.
   *
   * @param user the user's index: populations in scenario order, users within each
   * @param lastActivityMs when the client will stop being active (it closes or vanishes then)
   * @param vanishes the client will disappear without closing its sessions
   */
  void clientStarted(
      long timeMs,
      int user,
      long firstSessionId,
      int accepted,
      int rejected,
      long lastActivityMs,
      boolean vanishes);

  /**
   * The accepted sessions of a start ended: closed by the client, or reaped by keepalive (or by a
   * middlebox dropping the flow) when the client had vanished. Starts whose sessions outlive the
   * simulated time get no call.
   */
  void clientEnded(long timeMs, int user, long firstSessionId, int sessions, boolean reaped);

  /**
   * The service restarted at {@code timeMs}: every open session is gone (no {@link #clientEnded}
   * follows for them) and no client connects before {@code backMs}, when the service accepts
   * connections again.
   */
  default void serviceRestarted(long timeMs, long backMs) {}
}
