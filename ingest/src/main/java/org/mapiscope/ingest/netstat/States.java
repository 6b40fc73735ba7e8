package org.mapiscope.ingest.netstat;

import java.util.Locale;
import java.util.Map;

/**
 * TCP states in Windows' English spelling. German netstat prints its own words; those are mapped,
 * any other state is kept as printed, upper-cased, with {@code FIN_WAIT1} spelled {@code
 * FIN_WAIT_1}.
 */
final class States {

  private States() {}

  private static final Map<String, String> GERMAN =
      Map.of(
          "ABHÖREN", "LISTENING",
          "HERGESTELLT", "ESTABLISHED",
          "WARTEND", "TIME_WAIT",
          "SCHLIESSEN_WARTEN", "CLOSE_WAIT",
          "SYN_GESENDET", "SYN_SENT",
          "SYN_EMPFANGEN", "SYN_RECEIVED",
          "GESCHLOSSEN", "CLOSED");

  static String english(String printed) {
    String upper = printed.strip().toUpperCase(Locale.ROOT);
    String mapped = GERMAN.get(upper);
    if (mapped != null) {
      return mapped;
    }
    return upper.replace("FIN_WAIT1", "FIN_WAIT_1").replace("FIN_WAIT2", "FIN_WAIT_2");
  }
}
