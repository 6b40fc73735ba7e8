package org.mapiscope.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the user key that joins evidence about one user (docs/domain.md): the last {@code cn=} of
 * the legacyExchangeDN, lower-cased; Exchange 2013+ {@code cn=<32 hex>-jdoe} becomes {@code jdoe};
 * a bare GUID stays the GUID, lower-cased; {@code DOMAIN\jdoe} becomes {@code jdoe}.
 */
public final class UserKeys {

  private UserKeys() {}

  private static final Pattern GUID =
      Pattern.compile(
          "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");

  /**
   * The user key for an identity as logged: a legacyExchangeDN, a GUID, {@code GUID: DN}, or {@code
   * DOMAIN\jdoe}.
   *
   * @return the key, never {@code null}; blank input gives an empty string
   */
  public static String fromIdentity(String identity) {
    if (identity != null && isKey(identity)) {
      return identity; // a key already (evidence readers hand over keys): nothing to derive
    }
    String id = identity == null ? "" : identity.strip();
    String dn = dnOf(id);
    if (dn != null) {
      return fromDn(dn);
    }
    String guid = guidOf(id);
    if (guid != null) {
      return guid;
    }
    int slash = id.lastIndexOf('\\');
    return (slash >= 0 ? id.substring(slash + 1) : id).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Text that {@link #fromIdentity} leaves as it is: ASCII without capitals, slashes, backslashes
   * or braces, not starting with a GUID, no space at either end.
   */
  private static boolean isKey(String s) {
    int n = s.length();
    if (n == 0 || s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ' || n >= 36 && s.charAt(8) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c >= 'A' && c <= 'Z' || c == '/' || c == '\\' || c == '{') {
        return false;
      }
    }
    return true;
  }

  /** The legacyExchangeDN inside an identity ({@code /o=…}), or {@code null} when there is none. */
  public static String dnOf(String identity) {
    if (identity == null) {
      return null;
    }
    int start = indexOfDnStart(identity);
    return start < 0 ? null : identity.substring(start).strip();
  }

  /** The GUID at the start of an identity, lower-cased, or {@code null}. */
  public static String guidOf(String identity) {
    if (identity == null) {
      return null;
    }
    Matcher m = GUID.matcher(identity.strip());
    return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The last {@code cn=} of a DN, lower-cased, without the 32-hex-digit prefix Exchange 2010+ puts
   * before the alias ({@code /cn=1013933e…-jdoe}). Called per distinct identity of multi-gigabyte
   * logs: no regex, and only the tail is case-folded.
   */
  private static String fromDn(String dn) {
    int cn = lastIndexOfIgnoreCase(dn, "/cn=");
    String last =
        (cn >= 0 ? dn.substring(cn + 4) : dn.substring(dn.lastIndexOf('=') + 1))
            .strip()
            .toLowerCase(Locale.ROOT);
    return hasHex32Prefix(last) ? last.substring(33) : last;
  }

  /**
   * {@code last} is 32 lower-case hex digits, a dash and at least one more character on one line.
   */
  private static boolean hasHex32Prefix(String last) {
    if (last.length() < 34 || last.charAt(32) != '-') {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = last.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    for (int i = 33; i < last.length(); i++) {
      char c = last.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static int lastIndexOfIgnoreCase(String s, String part) {
    for (int i = s.length() - part.length(); i >= 0; i--) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfDnStart(String identity) {
    for (int i = identity.indexOf('/'); i >= 0; i = identity.indexOf('/', i + 1)) {
      if (identity.regionMatches(true, i, "/o=", 0, 3)) {
        return i;
      }
    }
    return -1;
  }
}
