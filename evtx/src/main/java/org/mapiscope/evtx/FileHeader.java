package org.mapiscope.evtx;

import java.util.List;
import java.util.zip.CRC32;

/**
 * The 4096-byte file header. Only the signature and the no-CRC flag steer reading; chunk counts are
 * not trusted (dirty files), chunks are found by scanning every 64 KiB.
 *
 * @param valid the {@code ElfFile\0} signature is present
 * @param flags file flags: 0x1 dirty, 0x2 full, 0x4 no CRC32
 * @param major format major version (3)
 * @param minor format minor version (1, or 2 on newer Windows)
 */
record FileHeader(boolean valid, int flags, int major, int minor) {

  static final int SIZE = 4096;
  static final int FLAG_NO_CRC32 = 0x4;
  private static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

  boolean verifyCrc() {
    return (flags & FLAG_NO_CRC32) == 0;
  }

  /** Reads the header from the first {@code length} bytes of the file, reporting damage. */
  static FileHeader read(byte[] b, int length, List<Damage> damage) {
    if (length < MAGIC.length || !startsWithMagic(b)) {
      // Reported by the reader, which knows whether chunks follow (a wiped header must not hide
      // them).
      return new FileHeader(false, 0, 0, 0);
    }
    if (length < 128) {
      damage.add(
          new Damage(
              length,
              "file truncated inside its header: " + length + " of " + SIZE + " bytes, no chunks"));
      return new FileHeader(true, 0, 0, 0);
    }
    int flags = LittleEndian.i32(b, 120, length);
    int minor = LittleEndian.u16(b, 36, length);
    int major = LittleEndian.u16(b, 38, length);
    if ((flags & FLAG_NO_CRC32) == 0) {
      CRC32 crc = new CRC32();
      crc.update(b, 0, 120);
      int stored = LittleEndian.i32(b, 124, length);
      if ((int) crc.getValue() != stored) {
        damage.add(
            new Damage(
                124,
                "file header CRC32 mismatch (stored 0x"
                    + Integer.toHexString(stored)
                    + ", computed 0x"
                    + Long.toHexString(crc.getValue())
                    + ")"));
      }
    }
    if (major != 3) {
      damage.add(new Damage(38, "unexpected format version " + major + "." + minor));
    }
    if (length < SIZE) {
      damage.add(
          new Damage(
              length,
              "file truncated inside its header: " + length + " of " + SIZE + " bytes, no chunks"));
    }
    return new FileHeader(true, flags, major, minor);
  }

  /** Chunk count the header states (offset 42), a hint only. */
  static int chunkCount(byte[] b, int length) {
    return length >= 44 ? LittleEndian.u16(b, 42, length) : 0;
  }

  static boolean startsWithMagic(byte[] b) {
    if (b.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
