package org.mapiscope.cli;

import java.util.ArrayList;
import java.util.List;
import org.mapiscope.analysis.FailedConnect;
import org.mapiscope.analysis.ReconstructedSession;
import org.mapiscope.analysis.SessionLog;
import org.mapiscope.sim.whatif.ReplaySession;

/**
 * Collects the analyzer's reconstructed sessions and refused connects as what-if replay input.
 * Thread-safe: readers of several servers report at once.
 */
final class ReplayLog implements SessionLog {

    private final List<ReplaySession> sessions = new ArrayList<>();

    @Override
    public synchronized void session(ReconstructedSession s) {
        // A Disconnect logged before its Connect (clock step, edited log) ends the session at its start.
        var end = s.end() != null && s.end().isBefore(s.start()) ? s.start() : s.end();
        sessions.add(new ReplaySession(s.user(), s.start(), s.lastActivity(), end, s.movedOnAt(), false));
    }

    @Override
    public synchronized void failedConnect(FailedConnect refused) {
        sessions.add(ReplaySession.failedConnect(refused.user(), refused.time()));
    }

    synchronized List<ReplaySession> sessions() {
        return List.copyOf(sessions);
    }
}
