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
  private static final Pattern HEX32_PREFIX = Pattern.compile("^[0-9a-f]{32}-(.+)$");

  /**
   * The user key for an identity as logged: a legacyExchangeDN, a GUID, {@code GUID: DN}, or {@code
   * DOMAIN\jdoe}.
   *
   * @return the key, never {@code null}; blank input gives an empty string
   */
  public static String fromIdentity(String identity) {
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

  private static String fromDn(String dn) {
    String lower = dn.toLowerCase(Locale.ROOT);
    int cn = lower.lastIndexOf("/cn=");
    String last = cn >= 0 ? lower.substring(cn + 4) : lower.substring(lower.lastIndexOf('=') + 1);
    last = last.strip();
    Matcher hex = HEX32_PREFIX.matcher(last);
    return hex.matches() ? hex.group(1) : last;
  }

  private static int indexOfDnStart(String identity) {
    String lower = identity.toLowerCase(Locale.ROOT);
    int at = lower.indexOf("/o=");
    return at;
  }
}
