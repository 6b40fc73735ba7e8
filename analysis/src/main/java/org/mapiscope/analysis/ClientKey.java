package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Objects;

/**
 * A client as the server saw it: address, software and mode; any part may be unknown ({@code
 * null}).
 */
record ClientKey(String ip, String software, String mode)
    implements Comparable<ClientKey>, Serializable {

  /**
   * By address, then software, then mode; unknown first. Written out because the final sorting and
   * merging of every track's clients compares keys millions of times; readers share one instance
   * per repeated value, so equal parts are usually the same instance.
   */
  @Override
  public int compareTo(ClientKey other) {
    int c = compare(ip, other.ip);
    if (c == 0) {
      c = compare(software, other.software);
    }
    return c != 0 ? c : compare(mode, other.mode);
  }

  private static int compare(String a, String b) {
    if (a == b) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    return b == null ? 1 : a.compareTo(b);
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
