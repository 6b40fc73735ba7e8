package org.mapiscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.mapiscope.analysis.FailedConnect;
import org.mapiscope.analysis.ReconstructedSession;
import org.mapiscope.analysis.RefusalStream;
import org.mapiscope.analysis.SessionLog;
import org.mapiscope.sim.whatif.ReplaySession;

/**
 * Collects the analyzer's reconstructed sessions and refused attempt streams as what-if replay
 * input. Thread-safe: readers of several servers report at once. Read it after one {@code finish}
 * only: each finish reports the still-open sessions and the refusals again.
 */
final class ReplayLog implements SessionLog {

  private final List<ReplaySession> sessions = new ArrayList<>();

  @Override
  public synchronized void session(ReconstructedSession s) {
    // A Disconnect logged before its Connect (clock step, edited log) ends the session at its
    // start.
    var end = s.end() != null && s.end().isBefore(s.start()) ? s.start() : s.end();
    sessions.add(
        ReplaySession.session(
            s.user(), s.start(), s.lastActivity(), end, s.movedOnAt(), s.ending()));
  }

  /**
   * Refused rows arrive again, joined with Event 9646 and retries collapsed, as {@link #refusal}.
   */
  @Override
  public void failedConnect(FailedConnect refused) {}

  @Override
  public synchronized void refusal(RefusalStream r) {
    sessions.add(ReplaySession.refused(r.user(), r.first(), r.last(), r.events(), r.rows()));
  }

  synchronized List<ReplaySession> sessions() {
    return List.copyOf(sessions);
  }
}
