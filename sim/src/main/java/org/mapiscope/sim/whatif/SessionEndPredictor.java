package org.mapiscope.sim.whatif;

import org.mapiscope.model.SessionReplay;

/**
 * When keepalive ends a replayed session under the changed settings — {@link SessionReplay#end},
 * the rule {@code analyze} also sizes its recommendations with. Default RCA logs show no activity
 * between connect and disconnect, so the last logged activity understates how long a client lived;
 * under the baseline a session reaped at {@code end} was alive until {@code end − baseline
 * dead-peer time}, so with the baseline's own settings every session ends when it was observed to
 * end.
 *
 * @param baselineDeadPeerMs dead-peer time the evidence was logged under; {@link Long#MAX_VALUE}
 *     when unknown
 * @param evidenceEndMs where the evidence ends
 * @param changed the settings replayed under
 */
record SessionEndPredictor(long baselineDeadPeerMs, long evidenceEndMs, WhatIfSettings changed) {

  /**
   * Nothing known about the baseline: a client counts as alive until its last activity or the move.
   */
  static SessionEndPredictor withoutBaseline(WhatIfSettings changed) {
    return new SessionEndPredictor(Long.MAX_VALUE, Long.MIN_VALUE, changed);
  }

  /** When the session would end; {@link Long#MAX_VALUE} when it never ends in the evidence. */
  long predictedEnd(ReplaySession s) {
    long start = s.start().toEpochMilli();
    long observedEnd = s.end() == null ? SessionReplay.OPEN : s.end().toEpochMilli();
    long last = s.lastActivity() == null ? start : s.lastActivity().toEpochMilli();
    long moved = s.movedOnAt() == null ? SessionReplay.NONE : s.movedOnAt().toEpochMilli();
    return SessionReplay.end(
        start,
        last,
        moved,
        s.ending(),
        observedEnd,
        baselineDeadPeerMs,
        evidenceEndMs,
        changed.deadPeerDetectionMs());
  }
}
