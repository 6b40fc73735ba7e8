package org.mapiscope.analysis;

import java.util.List;
import java.util.Locale;

/**
 * What a client software name tells about the program. Names as RCA logs and logon statistics print
 * them ({@code OUTLOOK.EXE}, {@code MSExchangeRPC}, BlackBerry's {@code BlackBerry…}).
 */
final class ClientSoftware {

  private ClientSoftware() {}

  /**
   * Programs that act for many mailboxes: BlackBerry Enterprise Server and the MAPI/CDO stack it
   * and other servers use, Exchange's own services, archiving and migration tools (research notes
   * §4.1: BES opens sessions for all its users through one account).
   */
  private static final List<String> SERVICE_MARKERS =
      List.of(
          "blackberry",
          "bes",
          "msexchangerpc",
          "mapicdo",
          "cdo",
          "emsmdb32",
          "archiv",
          "migrat",
          "enterprise vault",
          "vault",
          "sync service");

  /** Outlook runs one instance per user and machine, so a second start means the first is gone. */
  static boolean isOutlook(String software) {
    return software != null && software.toLowerCase(Locale.ROOT).contains("outlook");
  }

  /** Unknown software counts as Outlook-like: most MAPI clients are Outlook. */
  static boolean isOutlookOrUnknown(String software) {
    return software == null || software.isBlank() || isOutlook(software);
  }

  static boolean isServiceLike(String software) {
    if (software == null) {
      return false;
    }
    String s = software.toLowerCase(Locale.ROOT);
    return SERVICE_MARKERS.stream().anyMatch(s::contains);
  }
}
