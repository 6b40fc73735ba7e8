package org.mapiscope.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The server's own logons: the store, its system and arbitration mailboxes, its monitoring probes
 * and machine accounts (docs/domain.md: noise, never a finding). Get-LogonStatistics lists them
 * beside the users; one of them holding many logons is how the store works, not a service account
 * to fix.
 */
final class NoiseAccounts {

  private NoiseAccounts() {}

  /** User keys (lower-cased) of built-in Windows identities the store logs on as. */
  private static final List<String> EXACT =
      List.of(
          "system",
          "nt authority\\system",
          "local system",
          "network service",
          "local service",
          "microsoft system attendant",
          "administrator@system");

  /** Key prefixes of Exchange's own mailboxes and probe accounts. */
  private static final List<String> PREFIXES =
      List.of(
          "healthmailbox", // 2013+ Managed Availability probes, one per database
          "systemmailbox", // SystemMailbox{guid}: arbitration / organization mailboxes
          "sm_", // SM_<hex>: system mailbox user objects
          "extest_", // Test-* cmdlets and SCOM probes (extest_<hex>)
          "discoverysearchmailbox", // eDiscovery
          "federatedemail.", // federation mailbox
          "migration.", // migration arbitration mailbox
          "microsoft system attendant",
          "monitoringmailbox");

  /** DN parts naming the server or the store itself rather than a recipient. */
  private static final List<String> DN_PARTS =
      List.of(
          "/cn=configuration/cn=servers/",
          "/cn=servers/cn=",
          "/cn=microsoft system attendant",
          "/cn=microsoft private mdb",
          "/cn=microsoft public mdb");

  /**
   * @param user the user key (may be {@code null})
   * @param dn the legacyExchangeDN as logged, or {@code null}
   */
  static boolean isNoise(String user, String dn) {
    if (dn != null) {
      String lower = dn.toLowerCase(Locale.ROOT);
      for (String part : DN_PARTS) {
        if (lower.contains(part)) {
          return true;
        }
      }
    }
    if (user == null) {
      return false;
    }
    String key = user.strip().toLowerCase(Locale.ROOT);
    if (key.endsWith("$") || EXACT.contains(key)) {
      return true; // machine accounts (EX01$) log on as the server itself
    }
    for (String prefix : PREFIXES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
