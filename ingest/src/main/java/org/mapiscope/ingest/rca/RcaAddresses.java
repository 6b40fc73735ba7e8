package org.mapiscope.ingest.rca;

/**
 * Client addresses as RCA logs write them: {@code 10.1.1.5}, {@code 10.1.1.5:51234}, {@code
 * [fe80::1]:443}, {@code ::1}.
 */
final class RcaAddresses {

  private RcaAddresses() {}

  /**
   * The address without port or brackets; IPv6 without brackets is kept whole (its colons are not a
   * port).
   */
  static String withoutPort(String address) {
    String a = address.strip();
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      return close > 0 ? a.substring(1, close) : a;
    }
    int colon = a.indexOf(':');
    if (colon > 0 && a.indexOf(':', colon + 1) < 0) {
      return a.substring(0, colon);
    }
    return a;
  }
}
