package org.mapiscope.analysis;

import java.io.Serializable;
import org.mapiscope.model.SessionEvent;

/**
 * What the evidence says about the Exchange version. The model carries neither the RCA log's {@code
 * #Version} line nor the 9646 wording, so the visible clues are: RCA logs exist (2010+), MAPI over
 * HTTP (2013 SP1+), recipient names {@code cn=<32 hex>-alias} (2013+), the {@code
 * (FYDIBOHF23SPDLT)} administrative group every 2007+ organisation has, and DNs without it.
 */
final class VersionClues implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String EX2007_ADMIN_GROUP = "(fydibohf23spdlt)";

  // Each flag only ever turns true, so racing writers agree and a reader sees a settled fact late
  // at
  // worst; finish reads them after the feeding threads are done. Every RCA event passes here, so
  // once a fact is settled its test is skipped: after "modern" nothing can change the verdict, and
  // after "rca" the administrative-group clues no longer matter.
  private volatile boolean rca;
  private volatile boolean modern;
  private volatile boolean ex2007Group;
  private volatile boolean legacyDn;

  void session(SessionEvent e) {
    if (!rca) {
      rca = true;
    }
    if (!modern
        && (mentionsMapiHttp(e.clientMode())
            || mentionsMapiHttp(e.clientSoftware())
            || hasHexCn(e.dn()))) {
      modern = true;
    }
  }

  void dn(String dn) {
    if (dn == null || modern) {
      return;
    }
    if (hasHexCn(dn)) {
      modern = true;
      return;
    }
    if (rca) {
      return;
    }
    if (containsIgnoreCase(dn, EX2007_ADMIN_GROUP)) {
      ex2007Group = true;
    } else {
      legacyDn = true;
    }
  }

  void addAll(VersionClues other) {
    rca |= other.rca;
    modern |= other.modern;
    ex2007Group |= other.ex2007Group;
    legacyDn |= other.legacyDn;
  }

  VersionVerdict verdict(ExchangeVersion hint) {
    if (hint != null) {
      return new VersionVerdict(hint, "given by the administrator");
    }
    if (modern) {
      return new VersionVerdict(
          ExchangeVersion.EX2013_PLUS,
          "MAPI over HTTP or cn=<hex>-alias recipient names appear only on Exchange 2013 and"
              + " later");
    }
    if (rca) {
      return new VersionVerdict(
          ExchangeVersion.EX2010,
          "RPC Client Access logs exist from Exchange 2010 on; nothing marks 2013 or later");
    }
    if (ex2007Group) {
      return new VersionVerdict(
          ExchangeVersion.EX2007,
          "no RPC Client Access logs, and DNs name the Exchange 2007+ administrative group"
              + " (FYDIBOHF23SPDLT)");
    }
    if (legacyDn) {
      return new VersionVerdict(
          ExchangeVersion.EX2003,
          "no RPC Client Access logs, and DNs name a pre-2007 administrative group");
    }
    return new VersionVerdict(
        ExchangeVersion.EX2013_PLUS,
        "nothing in the evidence names a version; current Exchange assumed");
  }

  private static boolean mentionsMapiHttp(String s) {
    return s != null && containsIgnoreCase(s, "mapihttp");
  }

  /** Whether the DN names a recipient {@code /cn=<32 hex digits>-alias} (any case). */
  static boolean hasHexCn(String dn) {
    if (dn == null) {
      return false;
    }
    int n = dn.length();
    for (int at = dn.indexOf('/'); at >= 0 && at + 4 + 33 <= n; at = dn.indexOf('/', at + 1)) {
      if (dn.regionMatches(true, at, "/cn=", 0, 4) && isHexThenDash(dn, at + 4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHexThenDash(String s, int from) {
    for (int i = from; i < from + 32; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return s.charAt(from + 32) == '-';
  }

  /** {@code needle} is lower case ASCII. */
  private static boolean containsIgnoreCase(String s, String needle) {
    int last = s.length() - needle.length();
    for (int i = 0; i <= last; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }
}
