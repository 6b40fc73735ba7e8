package org.mapiscope.evtx;

/** Little-endian reads from a byte array; every read is bounds-checked against a limit first. */
final class LittleEndian {

  private LittleEndian() {}

  static int u8(byte[] b, int at, int limit) {
    check(at, 1, limit);
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at, int limit) {
    check(at, 2, limit);
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  static int i32(byte[] b, int at, int limit) {
    check(at, 4, limit);
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
  }

  /** An unsigned 32-bit value as a long, so sizes read from the file never turn negative. */
  static long u32(byte[] b, int at, int limit) {
    return i32(b, at, limit) & 0xFFFF_FFFFL;
  }

  static long i64(byte[] b, int at, int limit) {
    check(at, 8, limit);
    return (i32(b, at, limit) & 0xFFFF_FFFFL) | (long) i32(b, at + 4, limit) << 32;
  }

  static void check(int at, int size, int limit) {
    if (at < 0 || size < 0 || at > limit - size) {
      throw new DamageException(
          at,
          "data runs past its end (need "
              + size
              + " bytes at chunk offset 0x"
              + Integer.toHexString(at)
              + ")");
    }
  }
}
