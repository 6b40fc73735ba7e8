package org.mapiscope.analysis;

import java.util.Comparator;
import java.util.Objects;

/**
 * A client as the server saw it: address, software and mode; any part may be unknown ({@code
 * null}).
 */
record ClientKey(String ip, String software, String mode) implements Comparable<ClientKey> {

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<ClientKey> ORDER =
      Comparator.comparing(ClientKey::ip, NULLS_FIRST)
          .thenComparing(ClientKey::software, NULLS_FIRST)
          .thenComparing(ClientKey::mode, NULLS_FIRST);

  @Override
  public int compareTo(ClientKey other) {
    return ORDER.compare(this, other);
  }

  /** Same machine and program, whatever the mode. */
  boolean sameProgram(ClientKey other) {
    return Objects.equals(ip, other.ip) && Objects.equals(software, other.software);
  }

  /** {@code 10.1.2.3 (OUTLOOK.EXE)}, leaving out what is unknown. */
  String describe() {
    String where = ip == null ? "an unknown address" : ip;
    return software == null ? where : where + " (" + software + ")";
  }
}
