package org.mapiscope.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When a moved-on session ends in the replay, knowing the settings the evidence was logged under.
 */
class SessionEndPredictorTest {

  private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  private static final long MIN = 60_000L;
  private static final WhatIfSettings STOCK = WhatIfSettings.stock();

  /** 2 h + 10 probes × 1 s. */
  private static final long STOCK_DEAD_PEER = 120 * MIN + 10_000;

  private static final WhatIfSettings FIVE_MINUTES = STOCK.withKeepAliveTime(5 * MIN);
  private static final long FIVE_MINUTES_DEAD_PEER = 5 * MIN + 10_000;
  private static final long EVIDENCE_END = 24 * 60 * MIN;

  private static Instant at(long ms) {
    return T0.plusMillis(ms);
  }

  private static long ms(Instant t) {
    return Duration.between(T0, t).toMillis();
  }

  private static ReplaySession session(long start, Long end, Long movedOn) {
    return new ReplaySession(
        "jdoe",
        at(start),
        at(start),
        end == null ? null : at(end),
        movedOn == null ? null : at(movedOn),
        false);
  }

  private static long end(ReplaySession s, WhatIfSettings changed) {
    long end =
        new SessionEndPredictor(STOCK_DEAD_PEER, T0.toEpochMilli() + EVIDENCE_END, changed)
            .predictedEnd(s);
    return end == Long.MAX_VALUE ? end : ms(Instant.ofEpochMilli(end));
  }

  @Test
  void aClientAliveAfterTheMoveIsReapedADeadPeerTimeAfterItVanished() {
    // Moved on at 10 min, the old laptop lived until 60 min, the server reaped it 2 h 10 s later.
    ReplaySession s = session(0, 60 * MIN + STOCK_DEAD_PEER, 10 * MIN);

    assertThat(end(s, STOCK)).isEqualTo(60 * MIN + STOCK_DEAD_PEER);
    assertThat(end(s, FIVE_MINUTES)).isEqualTo(60 * MIN + FIVE_MINUTES_DEAD_PEER);
    // Without the baseline the client counts as gone at the move: reaped 50 minutes too early.
    assertThat(SessionEndPredictor.withoutBaseline(FIVE_MINUTES).predictedEnd(s))
        .isEqualTo(T0.toEpochMilli() + 10 * MIN + FIVE_MINUTES_DEAD_PEER);
  }

  @Test
  void aCleanCloseSoonAfterTheMoveKeepsItsObservedEnd() {
    ReplaySession s = session(0, 13 * MIN, 10 * MIN);
    assertThat(end(s, FIVE_MINUTES)).isEqualTo(13 * MIN);
    assertThat(end(s, STOCK.withKeepAliveTime(MIN))).isEqualTo(10 * MIN + MIN + 10_000);
  }

  @Test
  void aClientThatNeverMovedOnIsNeverReapedEarly() {
    assertThat(end(session(0, 600 * MIN, null), STOCK.withKeepAliveTime(MIN))).isEqualTo(600 * MIN);
    assertThat(end(session(0, null, null), STOCK.withKeepAliveTime(MIN))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aSessionStillOpenAtTheEndOutlivesTheEvidenceUnderTheBaseline() {
    // Moved on 5 h before the end and still open: its client answered the probes until at least
    // the end minus 2 h 10 s.
    ReplaySession s = session(EVIDENCE_END - 360 * MIN, null, EVIDENCE_END - 300 * MIN);
    assertThat(end(s, STOCK)).isGreaterThan(EVIDENCE_END);
    assertThat(end(s, FIVE_MINUTES))
        .isEqualTo(EVIDENCE_END + 1 - STOCK_DEAD_PEER + FIVE_MINUTES_DEAD_PEER);
    // Moved on just before the end: reaped a dead-peer time after the move.
    ReplaySession late = session(EVIDENCE_END - 60 * MIN, null, EVIDENCE_END - 30 * MIN);
    assertThat(end(late, FIVE_MINUTES)).isEqualTo(EVIDENCE_END - 30 * MIN + FIVE_MINUTES_DEAD_PEER);
  }

  @Test
  void aLaterLoggedActivityCountsAsAlive() {
    ReplaySession s =
        new ReplaySession("jdoe", at(0), at(40 * MIN), at(45 * MIN), at(10 * MIN), false);
    assertThat(end(s, STOCK.withKeepAliveTime(MIN))).isEqualTo(41 * MIN + 10_000);
  }
}
