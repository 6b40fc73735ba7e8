package org.mapiscope.sim.whatif;

import java.time.Instant;
import java.util.Objects;
import org.mapiscope.model.SessionReplay;

/**
 * One reconstructed session, or one refused attempt stream (a client's refused connects, retries
 * collapsed), as the replay reads it.
 *
 * @param user the user key (docs/domain.md)
 * @param start when the session was opened (or the stream's first refusal)
 * @param lastActivity the last time the client was seen using it; {@code null} means the start
 * @param end when the server closed it (the stream's last refusal); {@code null} means still open
 *     when the evidence ends
 * @param movedOnAt when the client demonstrably moved on (a newer connect from another address,
 *     say); {@code null} when it never did, so the session counts as active until its end
 * @param rejected a refused attempt stream rather than a session
 * @param ending how the session ended in the evidence
 * @param events Event 9646 a refused stream accounts for (0 for sessions)
 * @param rows RCA refusal rows a refused stream accounts for (0 for sessions)
 */
public record ReplaySession(
    String user,
    Instant start,
    Instant lastActivity,
    Instant end,
    Instant movedOnAt,
    boolean rejected,
    SessionReplay.Ending ending,
    long events,
    long rows) {

  public ReplaySession {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(ending, "ending");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "session of " + user + " ends at " + end + " before its start " + start);
    }
  }

  /**
   * A session whose end, if any, was a Disconnect; or, with {@code rejected}, one refused connect
   * row.
   */
  public ReplaySession(
      String user,
      Instant start,
      Instant lastActivity,
      Instant end,
      Instant movedOnAt,
      boolean rejected) {
    this(
        user,
        start,
        lastActivity,
        end,
        movedOnAt,
        rejected,
        end == null ? SessionReplay.Ending.OPEN : SessionReplay.Ending.CLIENT,
        0,
        rejected ? 1 : 0);
  }

  /** One refused connect row at a time (no 9646 joined to it). */
  public static ReplaySession failedConnect(String user, Instant at) {
    return new ReplaySession(user, at, null, at, null, true);
  }

  /** A refused attempt stream: one client's refusals from {@code first} to {@code last}. */
  public static ReplaySession refused(
      String user, Instant first, Instant last, long events, long rows) {
    return new ReplaySession(
        user, first, null, last, null, true, SessionReplay.Ending.CLIENT, events, rows);
  }

  /** A session as reconstructed, with how it ended. */
  public static ReplaySession session(
      String user,
      Instant start,
      Instant lastActivity,
      Instant end,
      Instant movedOnAt,
      SessionReplay.Ending ending) {
    return new ReplaySession(user, start, lastActivity, end, movedOnAt, false, ending, 0, 0);
  }

  /**
   * Whether the client was gone and the server kept the session: run down by the server, or moved
   * on and never closed by its client. A moved-on session its client closed was alive (a person on
   * several machines), so it proves nothing left behind.
   */
  boolean leftBehind() {
    return !rejected
        && (ending == SessionReplay.Ending.RUNDOWN
            || (movedOnAt != null && ending != SessionReplay.Ending.CLIENT));
  }
}
