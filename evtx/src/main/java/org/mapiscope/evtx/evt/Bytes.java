package org.mapiscope.evtx.evt;

import java.nio.charset.StandardCharsets;

/** Little-endian field access on record bytes; callers check bounds first. */
final class Bytes {

  private Bytes() {}

  static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  static long u32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }

  static int s32(byte[] b, int at) {
    return (int) u32(b, at);
  }

  /**
   * Index just past the UTF-16LE NUL that ends the string starting at {@code from}, or -1 when none
   * comes before {@code limit}.
   */
  static int endOfUtf16z(byte[] b, int from, int limit) {
    for (int i = from; i + 1 < limit; i += 2) {
      if (b[i] == 0 && b[i + 1] == 0) {
        return i + 2;
      }
    }
    return -1;
  }

  static String utf16(byte[] b, int from, int toExclusive) {
    return new String(b, from, toExclusive - from, StandardCharsets.UTF_16LE);
  }
}
