package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.LimitEventSummary.UserLimitEvents;
import org.mapiscope.analysis.Recommendations;
import org.mapiscope.analysis.SessionSummary;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SettingValue;
import org.mapiscope.sim.whatif.WhatIfSettings;

class WhatIfBaselineTest {

  private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");

  private static AnalysisResult result(List<UserLimitEvents> events, List<SettingView> settings) {
    long total = events.stream().mapToLong(UserLimitEvents::count).sum();
    return new AnalysisResult(
        new LimitEventSummary(total, Map.of(), events, null, null),
        new SessionSummary(List.of()),
        settings,
        List.of(),
        new Recommendations(null, List.of()));
  }

  private static UserLimitEvents events(String user, String type, int limit, long count) {
    return new UserLimitEvents(user, null, type, limit, count, T, T, List.of("ex01"));
  }

  @Test
  void nothingReadMeansAStockServer() {
    assertThat(WhatIfBaseline.settings(result(List.of(), List.of())))
        .isEqualTo(WhatIfSettings.stock());
  }

  @Test
  void readValuesWinAndTheLoggedLimitBeatsTheRegistry() {
    AnalysisResult r =
        result(
            List.of(events("jdoe", "session", 40, 3), events("svc", "session", 16, 2)),
            List.of(
                new SettingView(
                    "ex01",
                    ExchangeDefaults.KEEP_ALIVE_TIME,
                    SettingValue.of("1800000"),
                    "tcpip.reg:4"),
                new SettingView(
                    "ex02",
                    ExchangeDefaults.KEEP_ALIVE_TIME,
                    SettingValue.of("300000"),
                    "ex02.reg:4"),
                new SettingView(
                    "ex01",
                    ExchangeDefaults.KEEP_ALIVE_INTERVAL,
                    SettingValue.of("2000"),
                    "tcpip.reg:5"),
                new SettingView(
                    "ex01",
                    ExchangeDefaults.MAX_SESSIONS_PER_USER,
                    SettingValue.of("36"),
                    "store.reg:3")));
    // The longest keepalive of the servers; the limit 9646 logged (the service cap 16 aside).
    assertThat(WhatIfBaseline.settings(r))
        .isEqualTo(new WhatIfSettings(1_800_000, 40, 2_000, ExchangeDefaults.KEEP_ALIVE_PROBES));
  }

  @Test
  void withoutSessionEventsTheRegistryLimitCountsAndUnreadableValuesAreIgnored() {
    AnalysisResult r =
        result(
            List.of(events("mlee", "objtFolder", 500, 5)),
            List.of(
                new SettingView(
                    null,
                    ExchangeDefaults.MAX_SESSIONS_PER_USER,
                    SettingValue.of("36"),
                    "store.reg:3"),
                new SettingView(
                    null,
                    ExchangeDefaults.KEEP_ALIVE_TIME,
                    SettingValue.of("dword:oops"),
                    "tcpip.reg:4")));
    WhatIfSettings s = WhatIfBaseline.settings(r);
    assertThat(s.sessionLimit()).isEqualTo(36);
    assertThat(s.keepAliveTimeMs()).isEqualTo(ExchangeDefaults.KEEP_ALIVE_TIME_MS);
  }

  @Test
  void observedCountsOnlyMapiSessionEventsPerUser() {
    // The service-session cap (16) counts OWA, ActiveSync, EWS, POP, IMAP: not in RCA logs, not
    // replayable.
    AnalysisResult r =
        result(
            List.of(
                events("jdoe", "session", 32, 3),
                events("jdoe", "session", 16, 2),
                events("mlee", "objtFolder", 500, 5)),
            List.of());
    assertThat(WhatIfBaseline.observed9646(r)).containsExactly(Map.entry("jdoe", 3L));
  }
}
