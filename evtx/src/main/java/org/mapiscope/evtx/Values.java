package org.mapiscope.evtx;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Decodes substitution values into the Java types documented on {@link DataItem}. Every size is
 * checked against the limit before anything is allocated.
 */
final class Values {

  /** ANSI strings are written in the system code page; Windows-1252 is the common case. */
  private static final Charset ANSI = Charset.forName("windows-1252");

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Values() {}

  static Object decode(byte[] b, int at, int size, int type, int limit) {
    LittleEndian.check(at, size, limit);
    if ((type & ValueType.ARRAY) != 0) {
      return decodeArray(b, at, size, type & 0x7F);
    }
    switch (type) {
      case ValueType.NULL:
        return null;
      case ValueType.STRING:
        return utf16(b, at, size / 2);
      case ValueType.ANSI_STRING:
        return ansi(b, at, size);
      case ValueType.SIZE_T:
        return size >= 8
            ? LittleEndian.i64(b, at, limit)
            : size >= 4 ? LittleEndian.u32(b, at, limit) : null;
      case ValueType.BINARY:
      case ValueType.EVT_HANDLE:
      case ValueType.EVT_XML:
        return Arrays.copyOfRange(b, at, at + size);
      case ValueType.BINXML:
        return new Nested(at, size);
      case ValueType.SID:
        return sid(b, at, at + size);
      case ValueType.BOOL:
        return size == 0 ? null : fixed(b, at, size, type);
      default:
        int need = ValueType.fixedSize(type);
        if (need == 0) {
          return Arrays.copyOfRange(b, at, at + size);
        }
        if (size < need) {
          throw new DamageException(
              at,
              "value of type 0x"
                  + Integer.toHexString(type)
                  + " has "
                  + size
                  + " bytes, needs "
                  + need);
        }
        return fixed(b, at, need, type);
    }
  }

  /** One value of a fixed-size type ({@code size} is already checked). */
  private static Object fixed(byte[] b, int at, int size, int type) {
    int end = at + size;
    switch (type) {
      case ValueType.INT8:
        return (long) b[at];
      case ValueType.UINT8:
        return (long) (b[at] & 0xFF);
      case ValueType.INT16:
        return (long) (short) LittleEndian.u16(b, at, end);
      case ValueType.UINT16:
        return (long) LittleEndian.u16(b, at, end);
      case ValueType.INT32:
        return (long) LittleEndian.i32(b, at, end);
      case ValueType.UINT32:
      case ValueType.HEX_INT32:
        return LittleEndian.u32(b, at, end);
      case ValueType.INT64:
      case ValueType.HEX_INT64:
        return LittleEndian.i64(b, at, end);
      case ValueType.UINT64:
        return unsigned64(LittleEndian.i64(b, at, end));
      case ValueType.REAL32:
        return (double) Float.intBitsToFloat(LittleEndian.i32(b, at, end));
      case ValueType.REAL64:
        return Double.longBitsToDouble(LittleEndian.i64(b, at, end));
      case ValueType.BOOL:
        return bool(b, at, size);
      case ValueType.GUID:
        return guid(b, at);
      case ValueType.FILETIME:
        return FileTimes.fromFileTime(LittleEndian.i64(b, at, end));
      case ValueType.SYSTEMTIME:
        return systemTime(b, at);
      default:
        throw new IllegalArgumentException("not a fixed-size type: " + type);
    }
  }

  /** UInt64 above Long.MAX_VALUE is given as a BigInteger so it never reads as negative. */
  static Object unsigned64(long v) {
    return v >= 0 ? (Object) v : BigInteger.valueOf(v).add(TWO_64);
  }

  private static Boolean bool(byte[] b, int at, int size) {
    for (int i = 0; i < size; i++) {
      if (b[at + i] != 0) {
        return Boolean.TRUE;
      }
    }
    return Boolean.FALSE;
  }

  /** UTF-16LE without BOM; trailing NULs (some writers count the terminator) are dropped. */
  static String utf16(byte[] b, int at, int chars) {
    int n = utf16Length(b, at, chars);
    return n == 0 ? "" : chars(b, at, n);
  }

  /**
   * UTF-16LE code units straight into a String; the JDK decoder costs a decoder object per call.
   */
  static String chars(byte[] b, int at, int n) {
    char[] cs = new char[n];
    for (int i = 0, p = at; i < n; i++, p += 2) {
      cs[i] = (char) ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8);
    }
    return new String(cs);
  }

  private static String ansi(byte[] b, int at, int size) {
    int n = size;
    while (n > 0 && b[at + n - 1] == 0) {
      n--;
    }
    return new String(b, at, n, ANSI);
  }

  /** GUID: Data1..3 little-endian, Data4 as stored. */
  static UUID guid(byte[] b, int at) {
    long d1 = LittleEndian.u32(b, at, at + 16);
    long d2 = LittleEndian.u16(b, at + 4, at + 16);
    long d3 = LittleEndian.u16(b, at + 6, at + 16);
    long high = d1 << 32 | d2 << 16 | d3;
    long low = 0;
    for (int i = 8; i < 16; i++) {
      low = low << 8 | (b[at + i] & 0xFF);
    }
    return new UUID(high, low);
  }

  static Instant systemTime(byte[] b, int at) {
    int end = at + 16;
    return FileTimes.fromSystemTime(
        LittleEndian.u16(b, at, end),
        LittleEndian.u16(b, at + 2, end),
        LittleEndian.u16(b, at + 6, end),
        LittleEndian.u16(b, at + 8, end),
        LittleEndian.u16(b, at + 10, end),
        LittleEndian.u16(b, at + 12, end),
        LittleEndian.u16(b, at + 14, end));
  }

  /**
   * A SID: revision, sub-authority count, 48-bit big-endian authority, 32-bit little-endian
   * sub-authorities.
   */
  static Sid sid(byte[] b, int at, int end) {
    ByteSink text = new ByteSink(64);
    writeSid(b, at, end, text);
    return new Sid(new String(text.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * The text of the SID at {@code at} ({@code S-1-5-21-…}; an authority of 2^32 or more in hex).
   */
  static void writeSid(byte[] b, int at, int end, ByteSink out) {
    int count = LittleEndian.u8(b, at + 1, end);
    LittleEndian.check(at, 8 + 4 * count, end);
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | (b[at + i] & 0xFF);
    }
    out.ascii("S-").number(b[at] & 0xFF).ascii('-');
    if (authority >= 1L << 32) {
      out.ascii("0x").hexUpper(b, at + 2, 6);
    } else {
      out.number(authority);
    }
    for (int i = 0; i < count; i++) {
      out.ascii('-').number(LittleEndian.u32(b, at + 8 + 4 * i, end));
    }
  }

  /**
   * Receives one array element as a value reference: decode with {@link #decode} at its own type.
   */
  interface ItemSink {
    void item(int type, int at, int size);
  }

  private static List<Object> decodeArray(byte[] b, int at, int size, int type) {
    List<Object> out = new ArrayList<>();
    forEachItem(b, at, size, type, (t, a, s) -> out.add(decode(b, a, s, t, a + s)));
    return out;
  }

  /**
   * The elements of an array value of element type {@code type}, in order: NUL-separated strings,
   * SIDs back to back, or fixed-size elements. An array of a variable-size type other than strings
   * and SIDs is one binary element.
   *
   * @throws DamageException if a SID runs past the value
   */
  static void forEachItem(byte[] b, int at, int size, int type, ItemSink sink) {
    int end = at + size;
    if (type == ValueType.STRING) {
      int start = at;
      for (int i = at; i + 1 < end; i += 2) {
        if (b[i] == 0 && b[i + 1] == 0) {
          sink.item(type, start, i - start);
          start = i + 2;
        }
      }
      if (start + 1 < end) {
        sink.item(type, start, end - start);
      }
    } else if (type == ValueType.ANSI_STRING) {
      int start = at;
      for (int i = at; i < end; i++) {
        if (b[i] == 0) {
          sink.item(type, start, i - start);
          start = i + 1;
        }
      }
      if (start < end) {
        sink.item(type, start, end - start);
      }
    } else if (type == ValueType.SID) {
      int p = at;
      while (p + 8 <= end) {
        int count = b[p + 1] & 0xFF;
        if (p + 8 + 4 * count > end) {
          throw new DamageException(p, "SID array element runs past the value");
        }
        sink.item(type, p, 8 + 4 * count);
        p += 8 + 4 * count;
      }
    } else {
      int each = type == ValueType.SIZE_T ? (size % 8 == 0 ? 8 : 4) : ValueType.fixedSize(type);
      if (each == 0) {
        sink.item(ValueType.BINARY, at, size);
        return;
      }
      for (int p = at; p + each <= end; p += each) {
        sink.item(type, p, each);
      }
    }
  }

  /**
   * Throws exactly what {@link #decode} would throw for this value, without decoding it, so that
   * values can stay in the chunk until they are used.
   */
  static void check(byte[] b, int at, int size, int type, int limit) {
    LittleEndian.check(at, size, limit);
    // Arrays and SIDs have no fixed size, so the usual value is done after one table read.
    if (size < ValueType.fixedSize(type) && type != ValueType.BOOL) {
      throw new DamageException(
          at,
          "value of type 0x"
              + Integer.toHexString(type)
              + " has "
              + size
              + " bytes, needs "
              + ValueType.fixedSize(type));
    }
    if (type == ValueType.SID) {
      int end = at + size;
      LittleEndian.check(at, 8 + 4 * LittleEndian.u8(b, at + 1, end), end);
    } else if (type == (ValueType.ARRAY | ValueType.SID)) {
      forEachItem(b, at, size, ValueType.SID, (t, a, s) -> {});
    }
  }

  /** Whether {@link #decode} gives {@code null} for this (checked) value. */
  static boolean isNull(byte[] b, int at, int size, int type) {
    switch (type) {
      case ValueType.NULL:
        return true;
      case ValueType.BOOL:
        return size == 0;
      case ValueType.SIZE_T:
        return size < 4;
      case ValueType.SYSTEMTIME:
        return systemTime(b, at) == null;
      default:
        return false;
    }
  }

  /** Types whose value {@link #decode} gives as a {@code Long}. */
  static boolean isInteger(int type) {
    switch (type) {
      case ValueType.INT8:
      case ValueType.UINT8:
      case ValueType.INT16:
      case ValueType.UINT16:
      case ValueType.INT32:
      case ValueType.UINT32:
      case ValueType.INT64:
      case ValueType.HEX_INT32:
      case ValueType.HEX_INT64:
      case ValueType.SIZE_T:
        return true;
      default:
        return false;
    }
  }

  /**
   * The {@code Long} that {@link #decode} gives for an {@link #isInteger} type, without boxing it.
   */
  static long integer(byte[] b, int at, int size, int type) {
    switch (type) {
      case ValueType.INT8:
        return b[at];
      case ValueType.UINT8:
        return b[at] & 0xFF;
      case ValueType.INT16:
        return (short) LittleEndian.u16(b, at, at + size);
      case ValueType.UINT16:
        return LittleEndian.u16(b, at, at + size);
      case ValueType.INT32:
        return LittleEndian.i32(b, at, at + size);
      case ValueType.UINT32:
      case ValueType.HEX_INT32:
        return LittleEndian.u32(b, at, at + size);
      case ValueType.SIZE_T:
        return size >= 8 ? LittleEndian.i64(b, at, at + size) : LittleEndian.u32(b, at, at + size);
      default:
        return LittleEndian.i64(b, at, at + size);
    }
  }

  /** Whether {@link #decode} gives this type as {@code byte[]}. */
  static boolean isBytes(int type) {
    switch (type) {
      case ValueType.BINARY:
      case ValueType.EVT_HANDLE:
      case ValueType.EVT_XML:
        return true;
      case ValueType.NULL:
      case ValueType.STRING:
      case ValueType.ANSI_STRING:
      case ValueType.SIZE_T:
      case ValueType.BINXML:
      case ValueType.SID:
      case ValueType.BOOL:
        return false;
      default:
        return (type & ValueType.ARRAY) == 0 && ValueType.fixedSize(type) == 0;
    }
  }

  /** Number of UTF-16 code units {@link #utf16} keeps (trailing NULs dropped). */
  static int utf16Length(byte[] b, int at, int chars) {
    int n = chars;
    while (n > 0 && b[at + 2 * n - 2] == 0 && b[at + 2 * n - 1] == 0) {
      n--;
    }
    return n;
  }
}
