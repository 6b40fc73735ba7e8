package org.mapiscope.evtx.testkit;

import java.time.Instant;

/**
 * The value array of a template instance: a count, one (size, type) descriptor per value, then the
 * values back to back. Values are written in place so a nested BinXml value knows its own chunk
 * offset; the descriptor sizes are patched as each value ends.
 */
final class SubstitutionValues {

  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int UINT8 = 0x04;
  static final int UINT16 = 0x06;
  static final int UINT32 = 0x08;
  static final int UINT64 = 0x0A;
  static final int BINARY = 0x0E;
  static final int FILETIME = 0x11;
  static final int SID = 0x13;
  static final int HEXINT64 = 0x15;
  static final int BINXML = 0x21;

  /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

  private final LeBuffer out;
  private final int descriptorsAt;
  private final int count;
  private int next;
  private int valueStart;

  SubstitutionValues(LeBuffer out, int count) {
    this.out = out;
    this.count = count;
    out.u32(count);
    descriptorsAt = out.size();
    out.zeros(4 * count);
  }

  /** Starts value number {@code next} of the given type; call {@link #end()} after writing it. */
  LeBuffer begin(int type) {
    out.patchU16(descriptorsAt + 4 * next + 2, type);
    valueStart = out.size();
    return out;
  }

  void end() {
    out.patchU16(descriptorsAt + 4 * next, out.size() - valueStart);
    next++;
  }

  void nul() {
    begin(NULL);
    end();
  }

  void u8(int v) {
    begin(UINT8).u8(v);
    end();
  }

  void u16(int v) {
    begin(UINT16).u16(v);
    end();
  }

  void u32(long v) {
    begin(UINT32).u32(v);
    end();
  }

  void u64(long v) {
    begin(UINT64).u64(v);
    end();
  }

  void hex64(long v) {
    begin(HEXINT64).u64(v);
    end();
  }

  void string(String s) {
    begin(STRING).utf16(s);
    end();
  }

  void binary(byte[] b) {
    begin(BINARY).bytes(b);
    end();
  }

  void sid(String sid) {
    begin(SID).bytes(SidBytes.encode(sid));
    end();
  }

  void filetime(Instant t) {
    begin(FILETIME).u64(filetime64(t));
    end();
  }

  static long filetime64(Instant t) {
    return t.getEpochSecond() * 10_000_000L + t.getNano() / 100 + FILETIME_EPOCH_OFFSET;
  }

  /** All values written. */
  void finish() {
    if (next != count) {
      throw new IllegalStateException(next + " of " + count + " values written");
    }
  }
}
