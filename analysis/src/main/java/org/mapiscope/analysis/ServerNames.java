package org.mapiscope.analysis;

import java.util.Locale;

/**
 * One key per server however the evidence spells it: event logs give {@code EX01.contoso.com}, RCA
 * paths and registry exports often {@code EX01}. Keys are lower-case host names.
 */
final class ServerNames {

  private ServerNames() {}

  /** Key for evidence that does not say which server it came from. */
  static final String UNKNOWN = "(unknown)";

  static String key(String server) {
    if (server == null || server.isBlank()) {
      return UNKNOWN;
    }
    String s = server.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("\\\\")) {
      s = s.substring(2);
    }
    int dot = s.indexOf('.');
    return isAddress(s) || dot <= 0 ? s : s.substring(0, dot);
  }

  /** Whether a key is a bare IP address (IPv4 dotted digits, or IPv6 hex groups with colons). */
  static boolean isAddress(String key) {
    if (key.isEmpty()) {
      return false;
    }
    boolean v4 = key.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    boolean v6 =
        key.indexOf(':') >= 0
            && key.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    return v4 || v6;
  }

  static boolean isKnown(String key) {
    return !UNKNOWN.equals(key);
  }
}
