package org.mapiscope.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer that writes text as UTF-8 without intermediate strings or encoders. */
final class ByteSink {

  private static final byte[] HEX_UPPER =
      "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] HEX_LOWER =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * 1 for the bytes JSON keeps as they are in a string (printable ASCII but quote and backslash),
   * else 0.
   */
  private static final byte[] PLAIN = new byte[256];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN[c] = (byte) (c == '"' || c == '\\' ? 0 : 1);
    }
  }

  /** "00" to "99", two bytes each. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  /** Drops everything after the first {@code newSize} bytes. */
  void truncate(int newSize) {
    size = newSize;
  }

  /** Appends another sink's bytes. */
  ByteSink append(ByteSink other) {
    ensure(other.size);
    System.arraycopy(other.buf, 0, buf, size, other.size);
    size += other.size;
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  /** Appends bytes that are already UTF-8. */
  ByteSink bytes(byte[] run) {
    ensure(run.length);
    System.arraycopy(run, 0, buf, size, run.length);
    size += run.length;
    return this;
  }

  ByteSink ascii(char c) {
    ensure(1);
    buf[size++] = (byte) c;
    return this;
  }

  ByteSink ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[size++] = (byte) s.charAt(i);
    }
    return this;
  }

  ByteSink number(long v) {
    if (v == (int) v) {
      return number((int) v);
    }
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        return ascii(Long.toString(v));
      }
      ascii('-');
      v = -v;
    }
    int digits = 1;
    for (long limit = 10; digits < 19 && v >= limit; limit *= 10) {
      digits++;
    }
    ensure(digits);
    int end = size + digits;
    for (int i = end - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size = end;
    return this;
  }

  /**
   * The usual number: 32-bit arithmetic, two digits per division (cheap for every compiler tier).
   */
  ByteSink number(int v) {
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        return ascii(Integer.toString(v));
      }
      ascii('-');
      v = -v;
    }
    int digits = 1;
    for (int limit = 10; digits < 10 && v >= limit; limit *= 10) {
      digits++;
    }
    ensure(digits);
    int p = size + digits;
    size = p;
    while (v >= 100) {
      int q =
          (int) ((v * 1374389535L) >>> 37); // v / 100 for any non-negative int, without a divide
      int r = v - 100 * q;
      v = q;
      p -= 2;
      buf[p] = PAIRS[2 * r];
      buf[p + 1] = PAIRS[2 * r + 1];
    }
    if (v >= 10) {
      buf[p - 2] = PAIRS[2 * v];
      buf[p - 1] = PAIRS[2 * v + 1];
    } else {
      buf[p - 1] = (byte) ('0' + v);
    }
    return this;
  }

  /**
   * Day number of the date {@link #isoDate} holds (events come in time order, so it is usually the
   * next one's).
   */
  private long isoDay = Long.MIN_VALUE;

  private final byte[] isoDate = new byte[10];

  /**
   * {@code yyyy-MM-ddTHH:mm:ss.fffffffZ} from its parts (year 0 to 9999, second of the day,
   * fraction in 100 ns units), written in place; the date is kept for {@link #iso7SameDay} under
   * {@code dayKey}, the caller's number for that day.
   */
  ByteSink iso7(long dayKey, int year, int month, int day, int secondOfDay, int fraction) {
    ensure(28);
    byte[] b = buf;
    int p = size;
    two(b, p, year / 100);
    two(b, p + 2, year % 100);
    b[p + 4] = '-';
    two(b, p + 5, month);
    b[p + 7] = '-';
    two(b, p + 8, day);
    System.arraycopy(b, p, isoDate, 0, 10);
    isoDay = dayKey;
    time(b, p, secondOfDay, fraction);
    return this;
  }

  /**
   * Writes the date of day {@code dayKey} and the time when that date is the one kept; false
   * otherwise.
   */
  boolean iso7SameDay(long dayKey, int secondOfDay, int fraction) {
    if (dayKey != isoDay) {
      return false;
    }
    ensure(28);
    System.arraycopy(isoDate, 0, buf, size, 10);
    time(buf, size, secondOfDay, fraction);
    return true;
  }

  /** {@code THH:mm:ss.fffffffZ} after the date at {@code p}. */
  private void time(byte[] b, int p, int secondOfDay, int fraction) {
    b[p + 10] = 'T';
    int hour = secondOfDay / 3600;
    int minutes = secondOfDay - 3600 * hour;
    int minute = minutes / 60;
    two(b, p + 11, hour);
    b[p + 13] = ':';
    two(b, p + 14, minute);
    b[p + 16] = ':';
    two(b, p + 17, minutes - 60 * minute);
    b[p + 19] = '.';
    int high = fraction / 1_000_000;
    int rest = fraction - 1_000_000 * high;
    b[p + 20] = (byte) ('0' + high);
    int upper = rest / 10_000;
    rest -= 10_000 * upper;
    int middle = rest / 100;
    two(b, p + 21, upper);
    two(b, p + 23, middle);
    two(b, p + 25, rest - 100 * middle);
    b[p + 27] = 'Z';
    size = p + 28;
  }

  private static void two(byte[] b, int at, int v) {
    b[at] = PAIRS[2 * v];
    b[at + 1] = PAIRS[2 * v + 1];
  }

  /**
   * Writes {@code s} as the inside of a JSON string: escapes quotes, backslashes, controls, lone
   * surrogates.
   */
  ByteSink jsonChars(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        if (size == buf.length) {
          ensure(n - i);
        }
        buf[size++] = (byte) c;
      } else {
        i += special(c, i + 1 < n ? s.charAt(i + 1) : -1);
      }
    }
    return this;
  }

  /**
   * Like {@link #jsonChars} for {@code n} UTF-16LE code units at {@code at}, without building a
   * String.
   */
  ByteSink jsonUtf16(byte[] b, int at, int n) {
    // Room for every unit copied as one byte; each escape or multi-byte character makes room again.
    ensure(n);
    int end = at + 2 * n;
    byte[] out = buf;
    int o = size;
    int p = at;
    while (p < end) {
      // Four units at a time while all four are plain: one test of the high bytes, table reads for
      // the low.
      while (p <= end - 8) {
        int l0 = b[p] & 0xFF;
        int l1 = b[p + 2] & 0xFF;
        int l2 = b[p + 4] & 0xFF;
        int l3 = b[p + 6] & 0xFF;
        if ((b[p + 1] | b[p + 3] | b[p + 5] | b[p + 7]) != 0
            || (PLAIN[l0] & PLAIN[l1] & PLAIN[l2] & PLAIN[l3]) == 0) {
          break;
        }
        out[o] = (byte) l0;
        out[o + 1] = (byte) l1;
        out[o + 2] = (byte) l2;
        out[o + 3] = (byte) l3;
        o += 4;
        p += 8;
      }
      if (p >= end) {
        break;
      }
      int lo = b[p] & 0xFF;
      if (b[p + 1] == 0 && PLAIN[lo] != 0) {
        out[o++] = (byte) lo;
        p += 2;
      } else {
        size = o;
        char c = (char) (lo | (b[p + 1] & 0xFF) << 8);
        int next = p + 3 < end ? (b[p + 2] & 0xFF) | (b[p + 3] & 0xFF) << 8 : -1;
        p += 2 + 2 * special(c, next);
        ensure((end - p) / 2);
        out = buf;
        o = size;
      }
    }
    size = o;
    return this;
  }

  /** A two-character escape (room already ensured). */
  private void escaped(char c) {
    buf[size] = '\\';
    buf[size + 1] = (byte) c;
    size += 2;
  }

  /**
   * Writes a character that is not plain ASCII; returns 1 when it used {@code next} (a surrogate
   * pair), else 0.
   */
  private int special(char c, int next) {
    ensure(12);
    switch (c) {
      case '"' -> escaped('"');
      case '\\' -> escaped('\\');
      case '\n' -> escaped('n');
      case '\r' -> escaped('r');
      case '\t' -> escaped('t');
      default -> {
        if (c < 0x20) {
          unicodeEscape(c);
        } else if (c < 0x800) {
          buf[size++] = (byte) (0xC0 | c >> 6);
          buf[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)
            && next >= 0
            && Character.isLowSurrogate((char) next)) {
          int cp = Character.toCodePoint(c, (char) next);
          buf[size++] = (byte) (0xF0 | cp >> 18);
          buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
          buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
          buf[size++] = (byte) (0x80 | cp & 0x3F);
          return 1;
        } else if (Character.isSurrogate(c)) {
          unicodeEscape(c);
        } else {
          buf[size++] = (byte) (0xE0 | c >> 12);
          buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
          buf[size++] = (byte) (0x80 | c & 0x3F);
        }
      }
    }
    return 0;
  }

  /** {@code n} bytes as upper-case hex digits. */
  ByteSink hexUpper(byte[] b, int at, int n) {
    ensure(2 * n);
    for (int i = at; i < at + n; i++) {
      buf[size++] = HEX_UPPER[(b[i] >> 4) & 0xF];
      buf[size++] = HEX_UPPER[b[i] & 0xF];
    }
    return this;
  }

  /** The low {@code digits} hex digits of {@code v}, lower case. */
  ByteSink hexLower(long v, int digits) {
    ensure(digits);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      buf[size++] = HEX_LOWER[(int) (v >>> shift) & 0xF];
    }
    return this;
  }

  private void unicodeEscape(char c) {
    ascii("\\u");
    String hex = Integer.toHexString(c);
    for (int k = hex.length(); k < 4; k++) {
      ascii('0');
    }
    ascii(hex);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      grow(extra);
    }
  }

  /**
   * Apart from {@link #ensure}, and too large to be inlined regardless of use, so the check
   * compiled into every write stays a compare once buffers have their working size.
   */
  private void grow(int extra) {
    long wanted = Math.max(2L * buf.length, (long) size + extra);
    if (wanted > Integer.MAX_VALUE - 16) {
      throw new OutOfMemoryError("text buffer would exceed 2 GiB (" + wanted + " bytes)");
    }
    buf = Arrays.copyOf(buf, (int) wanted);
  }
}
