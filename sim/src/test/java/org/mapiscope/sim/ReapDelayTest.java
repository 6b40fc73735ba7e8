package org.mapiscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.sim.scenario.Scenario;

/** Vanished clients' sessions end exactly when keepalive (or the middlebox) lets go of them. */
class ReapDelayTest {

  /** Records starts and ends; checks each end against its start. */
  static final class Trace implements SimulationListener {
    final Map<Long, long[]> startById = new HashMap<>();
    final List<long[]> ends = new ArrayList<>(); // {end time, last activity, reaped}
    int vanished;

    @Override
    public void clientStarted(
        long timeMs,
        int user,
        long firstSessionId,
        int accepted,
        int rejected,
        long lastActivityMs,
        boolean vanishes) {
      if (accepted > 0) {
        startById.put(firstSessionId, new long[] {timeMs, lastActivityMs});
        vanished += vanishes ? 1 : 0;
      }
    }

    @Override
    public void clientEnded(
        long timeMs, int user, long firstSessionId, int sessions, boolean reaped) {
      ends.add(new long[] {timeMs, startById.get(firstSessionId)[1], reaped ? 1 : 0});
    }
  }

  @Test
  void stockServerReapsTwoHoursAndTenSecondsAfterLastActivity() {
    Trace trace = run("", "\"abandonProbability\": 1.0");
    long expected =
        ExchangeDefaults.deadPeerDetectionMs(
            ExchangeDefaults.KEEP_ALIVE_TIME_MS,
            ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS,
            ExchangeDefaults.KEEP_ALIVE_PROBES);
    assertThat(expected).isEqualTo(7_210_000L);
    assertThat(trace.ends)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e[2]).isEqualTo(1);
              assertThat(e[0] - e[1]).isEqualTo(expected);
            });
  }

  @Test
  void anyKeepAliveSettingReapsAtLastActivityPlusTimePlusProbes() {
    qt().withExamples(40)
        .forAll(integers().between(1, 240), integers().between(1, 5_000), integers().between(0, 20))
        .checkAssert(
            (minutes, intervalMs, probes) -> {
              Trace trace =
                  run(
                      "\"keepAliveTime\": \""
                          + minutes
                          + "m\", \"keepAliveInterval\": \""
                          + intervalMs
                          + "ms\", \"keepAliveProbes\": "
                          + probes,
                      "\"abandonProbability\": 1.0");
              long expected = minutes * 60_000L + (long) probes * intervalMs;
              assertThat(trace.ends)
                  .isNotEmpty()
                  .allSatisfy(e -> assertThat(e[0] - e[1]).isEqualTo(expected));
            });
  }

  @Test
  void cleanClientsEndAtTheirLastActivity() {
    Trace trace = run("", "\"abandonProbability\": 0.0");
    assertThat(trace.ends)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e[2]).isZero();
              assertThat(e[0]).isEqualTo(e[1]);
            });
  }

  @Test
  void behindAMiddleboxThatNeverDropsNothingIsReaped() {
    Trace trace = run("", "\"abandonProbability\": 1.0, \"behindMiddlebox\": true");
    assertThat(trace.vanished).isPositive();
    assertThat(trace.ends).isEmpty();
  }

  @Test
  void aMiddleboxIdleTimeoutDelaysReapingToTheFirstUnansweredProbe() {
    // keepalive 20m: probes at 20m, 40m, 60m of idleness are answered until the middlebox forgets
    // the
    // flow at 50m; the probe at 60m goes unanswered and 10 × 1s later the sessions are reaped.
    Trace trace =
        run(
            "\"keepAliveTime\": \"20m\"",
            "\"abandonProbability\": 1.0, \"behindMiddlebox\": true, \"middleboxIdleTimeout\":"
                + " \"50m\"");
    assertThat(trace.ends)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e[0] - e[1]).isEqualTo(3_610_000L));
  }

  private static Trace run(String server, String behaviour) {
    Scenario s =
        Scenarios.of(
            "3d",
            11,
            server,
            "\"users\": 3, \"startsPerHour\": 0.5, "
                + "\"holding\": {\"dist\": \"lognormal\", \"mean\": \"30m\"}, "
                + behaviour);
    Trace trace = new Trace();
    Simulator.run(s, trace);
    return trace;
  }
}
