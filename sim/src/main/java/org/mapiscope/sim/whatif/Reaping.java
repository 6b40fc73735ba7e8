package org.mapiscope.sim.whatif;

/**
 * When keepalive ends a replayed session: a dead-peer time after its client was last known alive,
 * once the client demonstrably moved on, and never later than the session was observed to end.
 *
 * <p>Default RCA logs show no activity between connect and disconnect, so the last logged activity
 * understates how long a client lived: a VPN laptop's old Outlook often outlives the reconnect from a
 * new address. Under the baseline the server would have reaped a dead client's session a dead-peer time
 * after its last packet, so a session that ended at {@code end} was alive until at least {@code end −
 * baseline dead-peer time} (exactly then when keepalive reaped it, later when it closed cleanly), and one
 * still open when the evidence ends until at least that end minus the same time. Under the baseline
 * itself every session therefore ends when it was observed to end.
 *
 * @param baselineDeadPeerMs dead-peer time the evidence was logged under; {@link Long#MAX_VALUE} when unknown
 * @param evidenceEndMs where the evidence ends
 * @param changed the settings replayed under
 */
record Reaping(long baselineDeadPeerMs, long evidenceEndMs, WhatIfSettings changed) {

    /** Nothing known about the baseline: a client counts as alive until its last activity or the move. */
    static Reaping withoutBaseline(WhatIfSettings changed) {
        return new Reaping(Long.MAX_VALUE, Long.MIN_VALUE, changed);
    }

    /** When the session would end; {@link Long#MAX_VALUE} when it never ends in the evidence. */
    long predictedEnd(ReplaySession s) {
        long start = s.start().toEpochMilli();
        long observedEnd = s.end() == null ? Long.MAX_VALUE : s.end().toEpochMilli();
        if (s.movedOnAt() == null) {
            // A client that never moved on is active: an idle but living client answers the probes.
            return observedEnd;
        }
        long aliveUntil = Math.max(s.movedOnAt().toEpochMilli(),
                s.lastActivity() == null ? start : s.lastActivity().toEpochMilli());
        if (baselineDeadPeerMs != Long.MAX_VALUE) {
            // Still open when the evidence ends means it ended after that end.
            long endedBy = s.end() == null ? evidenceEndMs + 1 : observedEnd;
            aliveUntil = Math.max(aliveUntil, endedBy - baselineDeadPeerMs);
        }
        long reap = aliveUntil + changed.deadPeerDetectionMs();
        return Math.max(start, Math.min(observedEnd, reap));
    }
}
