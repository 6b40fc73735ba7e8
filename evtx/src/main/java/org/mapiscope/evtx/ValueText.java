package org.mapiscope.evtx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Text form of typed values, as the Windows event renderer and libevtx write them in XML. */
final class ValueText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

  private ValueText() {}

  static String of(int type, Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    append(sb, type, value);
    return sb.toString();
  }

  static void append(StringBuilder sb, int type, Object value) {
    int base = type & ~ValueType.ARRAY;
    if (value instanceof String s) {
      sb.append(s);
    } else if (value instanceof Long l) {
      switch (base) {
        case ValueType.HEX_INT32 -> hex(sb, l, 8);
        case ValueType.HEX_INT64 -> hex(sb, l, 16);
        case ValueType.SIZE_T -> hex(sb, l, l >>> 32 == 0 ? 8 : 16);
        default -> sb.append(l.longValue());
      }
    } else if (value instanceof Double d) {
      sb.append(base == ValueType.REAL32 ? Float.toString(d.floatValue()) : d.toString());
    } else if (value instanceof Instant t) {
      FileTimes.appendIso7(sb, t);
    } else if (value instanceof UUID u) {
      sb.append('{').append(u.toString().toUpperCase(Locale.ROOT)).append('}');
    } else if (value instanceof byte[] bytes) {
      hexBytes(sb, bytes);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, base, list.get(i));
      }
    } else if (value instanceof BigInteger big && base == ValueType.HEX_INT64) {
      sb.append("0x").append(big.toString(16));
    } else if (value != null) {
      sb.append(value);
    }
  }

  private static void hex(StringBuilder sb, long v, int digits) {
    sb.append("0x");
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX_LOWER[(int) (v >>> shift) & 0xF]);
    }
  }

  static void hexBytes(StringBuilder sb, byte[] bytes) {
    for (byte x : bytes) {
      sb.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
    }
  }

  /** The character a character reference stands for; a code outside Unicode becomes U+FFFD. */
  static String charRef(int code) {
    return new String(
        Character.toChars(code >= 0 && code <= Character.MAX_CODE_POINT ? code : 0xFFFD));
  }

  /** The character an XML entity reference stands for, or the reference itself when unknown. */
  static String entity(String name) {
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> "&" + name + ";";
    };
  }
}
