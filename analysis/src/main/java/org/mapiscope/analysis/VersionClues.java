package org.mapiscope.analysis;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mapiscope.model.SessionEvent;

/**
 * What the evidence says about the Exchange version. The model carries neither the RCA log's {@code
 * #Version} line nor the 9646 wording, so the visible clues are: RCA logs exist (2010+), MAPI over
 * HTTP (2013 SP1+), recipient names {@code cn=<32 hex>-alias} (2013+), the {@code
 * (FYDIBOHF23SPDLT)} administrative group every 2007+ organisation has, and DNs without it.
 */
final class VersionClues {

  private static final Pattern HEX_CN =
      Pattern.compile("/cn=[0-9a-f]{32}-", Pattern.CASE_INSENSITIVE);
  private static final String EX2007_ADMIN_GROUP = "(fydibohf23spdlt)";

  private boolean rca;
  private boolean modern;
  private boolean ex2007Group;
  private boolean legacyDn;

  synchronized void session(SessionEvent e) {
    rca = true;
    if (mentionsMapiHttp(e.clientMode()) || mentionsMapiHttp(e.clientSoftware())) {
      modern = true;
    }
    dn(e.dn());
  }

  synchronized void dn(String dn) {
    if (dn == null) {
      return;
    }
    if (HEX_CN.matcher(dn).find()) {
      modern = true;
    }
    if (dn.toLowerCase(Locale.ROOT).contains(EX2007_ADMIN_GROUP)) {
      ex2007Group = true;
    } else {
      legacyDn = true;
    }
  }

  synchronized void addAll(VersionClues other) {
    synchronized (other) {
      rca |= other.rca;
      modern |= other.modern;
      ex2007Group |= other.ex2007Group;
      legacyDn |= other.legacyDn;
    }
  }

  synchronized VersionVerdict verdict(ExchangeVersion hint) {
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
    return s != null && s.toLowerCase(Locale.ROOT).contains("mapihttp");
  }
}
