package org.mapiscope.cli;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.LimitEventSummary.UserLimitEvents;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SettingValue;
import org.mapiscope.sim.whatif.WhatIfSettings;

/**
 * What the evidence says the server ran with, and the 9646 it logged: the what-if's starting point.
 */
final class WhatIfBaseline {

  private WhatIfBaseline() {}

  /**
   * KeepAliveTime and KeepAliveInterval as read (defaults when absent); the session limit the 9646
   * events logged (the service cap 16 aside), else the registry value, else 32. Where servers
   * differ, the longest keepalive (a replay can only shorten sessions, so it changes least) and the
   * highest limit.
   */
  static WhatIfSettings settings(AnalysisResult result) {
    long keepAlive =
        largest(result, ExchangeDefaults.KEEP_ALIVE_TIME)
            .orElse(ExchangeDefaults.KEEP_ALIVE_TIME_MS);
    long interval =
        largest(result, ExchangeDefaults.KEEP_ALIVE_INTERVAL)
            .orElse(ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS);
    long logged =
        result.limitEvents().byUser().stream()
            .filter(u -> isSession(u) && u.limit() != ExchangeDefaults.SERVICE_SESSIONS_PER_USER)
            .mapToLong(UserLimitEvents::limit)
            .max()
            .orElse(0);
    long limit =
        logged > 0
            ? logged
            : largest(result, ExchangeDefaults.MAX_SESSIONS_PER_USER)
                .orElse(ExchangeDefaults.SESSIONS_PER_USER);
    return new WhatIfSettings(
        keepAlive,
        (int) Math.min(Integer.MAX_VALUE, limit),
        interval,
        ExchangeDefaults.KEEP_ALIVE_PROBES);
  }

  /**
   * Event 9646 of object type {@code session} per user key, the service-session cap aside: those
   * sessions (Outlook on the web, ActiveSync, EWS, POP, IMAP) are not in RCA logs, so no replay of
   * RCA sessions can predict them.
   */
  static Map<String, Long> observed9646(AnalysisResult result) {
    Map<String, Long> byUser = new TreeMap<>();
    result.limitEvents().byUser().stream()
        .filter(WhatIfBaseline::isSession)
        .filter(u -> u.limit() != ExchangeDefaults.SERVICE_SESSIONS_PER_USER)
        .forEach(u -> byUser.merge(u.user(), u.count(), Long::sum));
    return byUser;
  }

  private static boolean isSession(UserLimitEvents u) {
    return ExchangeDefaults.SESSION_OBJECT_TYPE.equalsIgnoreCase(u.objectType());
  }

  private static OptionalLong largest(AnalysisResult result, String name) {
    OptionalLong best = OptionalLong.empty();
    for (SettingView s : result.settings()) {
      if (name.equals(s.name())) {
        OptionalLong n = number(s.value());
        if (n.isPresent() && (best.isEmpty() || n.getAsLong() > best.getAsLong())) {
          best = n;
        }
      }
    }
    return best;
  }

  /** Registry numbers; anything else (not set, text, a negative number) is ignored. */
  private static OptionalLong number(SettingValue value) {
    return value instanceof SettingValue.Dword d && d.value() >= 0
        ? OptionalLong.of(d.value())
        : OptionalLong.empty();
  }
}
