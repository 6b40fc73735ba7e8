package org.mapiscope.report.scripts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of values that end up inside generated scripts or their file names. Values come from
 * evidence (server names, account names), so nothing is trusted: file name parts are reduced to a
 * safe alphabet, script values must match a whitelist or are refused.
 */
final class SafeNames {

  private SafeNames() {}

  /** NetBIOS or DNS host name. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,253}");

  /** Registry key below HKLM: backslash-separated segments of plain characters. */
  private static final Pattern REG_KEY = Pattern.compile("[A-Za-z0-9 _.-]+(\\\\[A-Za-z0-9 _.-]+)*");

  /** Registry value names we prescribe (limits, TCP/IP settings). */
  private static final Pattern REG_VALUE = Pattern.compile("[A-Za-z0-9 _.-]{1,255}");

  /**
   * Exchange account identities: alias, user key, {@code DOMAIN\\user} or UPN. Letters of any
   * script are allowed; PowerShell's typographic quotes (U+2018..U+201B) are not letters, so they
   * are refused here and cannot end a single-quoted string.
   */
  private static final Pattern ACCOUNT =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@'\\\\-]{0,255}");

  private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

  static boolean isHost(String s) {
    return s != null && HOST.matcher(s).matches() && !s.contains("..");
  }

  static boolean isRegistryKey(String s) {
    return s != null && REG_KEY.matcher(s).matches() && !s.contains("..");
  }

  static boolean isRegistryValueName(String s) {
    return s != null && REG_VALUE.matcher(s).matches();
  }

  static boolean isAccount(String s) {
    return s != null && ACCOUNT.matcher(s).matches() && s.equals(s.strip());
  }

  static boolean isPolicyName(String s) {
    return s != null && POLICY.matcher(s).matches() && s.equals(s.strip());
  }

  /** A PowerShell single-quoted literal; callers validate first, doubling is the quoting rule. */
  static String psQuote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * A file-name part from an arbitrary string: lower-case letters, digits, dots and dashes, no
   * leading dot, at most 40 characters; never empty.
   */
  static String filePart(String s) {
    String lower = s == null ? "" : s.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lower.length() && out.length() < 40; i++) {
      char c = lower.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      char next = ok ? c : '-';
      boolean repeat =
          out.length() > 0
              && (next == '-' || next == '.')
              && (out.charAt(out.length() - 1) == '-' || out.charAt(out.length() - 1) == '.');
      if (!repeat) {
        out.append(next);
      }
    }
    String part = out.toString().replaceAll("^[.-]+|[.-]+$", "");
    return part.isEmpty() ? "x" : part;
  }
}
