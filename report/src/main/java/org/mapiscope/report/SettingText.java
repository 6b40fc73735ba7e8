package org.mapiscope.report;

import java.util.Locale;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SettingValue;

/**
 * Where a setting's value came from, in words the console and the HTML page share. A setting no
 * evidence had (no registry export, or one without it) is the default, assumed: the words must not
 * read as if the registry had been checked. Stateless and thread-safe.
 */
public final class SettingText {

  private SettingText() {}

  /**
   * True when the value was read from (or shown absent by) the evidence; false when a default is
   * assumed.
   */
  public static boolean inEvidence(SettingView s) {
    return !SettingView.DEFAULT_SOURCE.equals(s.source());
  }

  /** {@code file:line}, or {@code not in the evidence; Windows default 7,200,000 assumed}. */
  public static String source(SettingView s) {
    if (inEvidence(s)) {
      return s.source();
    }
    return "not in the evidence; "
        + (isTcpIp(s.name()) ? "Windows" : "Exchange")
        + " default "
        + number(s.value())
        + " assumed";
  }

  /** The TCP/IP keepalive settings are Windows's; the session and object limits are Exchange's. */
  static boolean isTcpIp(String name) {
    return ExchangeDefaults.KEEP_ALIVE_TIME.equals(name)
        || ExchangeDefaults.KEEP_ALIVE_INTERVAL.equals(name)
        || ExchangeDefaults.TCP_MAX_DATA_RETRANSMISSIONS.equals(name);
  }

  /** A DWORD with thousands separators; text as it is. */
  static String number(SettingValue value) {
    return value instanceof SettingValue.Dword d
        ? String.format(Locale.ROOT, "%,d", d.value())
        : value.text();
  }
}
