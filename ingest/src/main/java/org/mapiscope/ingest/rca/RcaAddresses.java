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

  /**
   * {@link #withoutPort(String)} of field {@code column} of {@code csv}, or null when it is empty,
   * through {@code cache}: the port changes with every connection, so the cache sees the address
   * alone. Read from the field's bytes; text with brackets, quotes or bytes beyond ASCII takes the
   * way of the text.
   */
  static String withoutPort(CsvLine csv, int column, FieldCache<String> cache) {
    if (csv.quoted(column)) {
      return RcaReader.emptyToNull(withoutPort(csv.field(column)));
    }
    byte[] b = csv.bytes();
    int from = csv.start(column);
    int to = csv.end(column);
    while (from < to && isAsciiWhitespace(b[from])) {
      from++;
    }
    while (to > from && isAsciiWhitespace(b[to - 1])) {
      to--;
    }
    int colon = -1;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c < 0 || c == '[') {
        return RcaReader.emptyToNull(withoutPort(csv.field(column)));
      }
      if (c == ':') {
        if (colon >= 0) {
          colon = -2; // IPv6 without brackets: kept whole
        } else if (colon == -1) {
          colon = i;
        }
      }
    }
    if (colon > from) {
      to = colon;
    }
    return cache.get(csv, from, to, false);
  }

  /** What {@link String#strip()} strips, among ASCII bytes. */
  private static boolean isAsciiWhitespace(byte c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  }
}
