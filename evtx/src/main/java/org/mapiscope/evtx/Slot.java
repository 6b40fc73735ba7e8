package org.mapiscope.evtx;

/**
 * One value as {@link RecordCollector} would hold it, without building it: nothing, text, or a
 * value still in the chunk ({@code type, at, size} as {@link Values#decode} reads it). Reused.
 */
final class Slot {

  private enum Kind {
    EMPTY,
    TEXT,
    REF
  }

  private Kind kind = Kind.EMPTY;
  private String text;
  int type;
  int at;
  int size;

  void clear() {
    kind = Kind.EMPTY;
    text = null;
  }

  void text(String s) {
    kind = Kind.TEXT;
    text = s;
    type = ValueType.STRING;
  }

  void ref(int type, int at, int size) {
    kind = Kind.REF;
    text = null;
    this.type = type;
    this.at = at;
    this.size = size;
  }

  void copy(Slot o) {
    kind = o.kind;
    text = o.text;
    type = o.type;
    at = o.at;
    size = o.size;
  }

  boolean isEmpty() {
    return kind == Kind.EMPTY;
  }

  boolean isRef() {
    return kind == Kind.REF;
  }

  /** The typed value ({@code null} when empty). */
  Object decode(byte[] b) {
    return kind == Kind.REF ? Values.decode(b, at, size, type, b.length) : text;
  }

  /** The value as text, as {@link ValueText#of} gives it ({@code null} when empty). */
  String asText(byte[] b) {
    return kind == Kind.EMPTY ? null : ValueText.of(type, decode(b));
  }

  /**
   * Whether the value is neither empty text nor empty binary (RecordCollector's test for optional
   * items).
   */
  boolean hasContent(byte[] b) {
    if (kind == Kind.TEXT) {
      return !text.isEmpty();
    }
    if (kind == Kind.EMPTY) {
      return false;
    }
    if (type == ValueType.STRING) {
      return Values.utf16Length(b, at, size / 2) > 0;
    }
    if (type == ValueType.ANSI_STRING) {
      for (int i = at; i < at + size; i++) {
        if (b[i] != 0) {
          return true;
        }
      }
      return false;
    }
    return !Values.isBytes(type) || size > 0;
  }

  /** The value as {@link RecordCollector#toLong} reads it, or {@code null}. */
  Long toLong(byte[] b) {
    if (kind == Kind.REF && Values.isInteger(type)) {
      return Values.integer(b, at, size, type);
    }
    if (kind == Kind.REF && type == ValueType.UINT64) {
      return LittleEndian.i64(b, at, at + size);
    }
    return RecordCollector.toLong(decode(b));
  }

  /** Writes the value as a JSON string (text form), or {@code null}. */
  void writeText(byte[] b, ByteSink out) {
    if (kind == Kind.EMPTY) {
      out.ascii("null");
    } else if (kind == Kind.REF && type == ValueType.STRING) {
      out.ascii('"').jsonUtf16(b, at, Values.utf16Length(b, at, size / 2)).ascii('"');
    } else {
      out.ascii('"').jsonChars(asText(b)).ascii('"');
    }
  }

  /** Writes the value as {@link EvtxJson} writes the decoded value. */
  void writeJson(byte[] b, ByteSink out) {
    if (kind != Kind.REF) {
      EvtxJson.value(text, out);
      return;
    }
    switch (type) {
      case ValueType.STRING -> writeText(b, out);
      case ValueType.UINT64 -> {
        long v = LittleEndian.i64(b, at, at + size);
        if (v >= 0) {
          out.number(v);
        } else {
          out.ascii(Long.toUnsignedString(v));
        }
      }
      case ValueType.BOOL ->
          out.ascii(Values.decode(b, at, size, type, b.length) == Boolean.TRUE ? "true" : "false");
      case ValueType.GUID -> writeGuid(b, at, out);
      case ValueType.FILETIME -> {
        out.ascii('"');
        FileTimes.writeIso7(out, LittleEndian.i64(b, at, at + size));
        out.ascii('"');
      }
      case ValueType.SID -> {
        out.ascii('"');
        Values.writeSid(b, at, at + size, out);
        out.ascii('"');
      }
      default -> {
        if (Values.isInteger(type)) {
          out.number(Values.integer(b, at, size, type));
        } else if (Values.isBytes(type)) {
          out.ascii('"').hexUpper(b, at, size).ascii('"');
        } else {
          writeDecoded(b, out);
        }
      }
    }
  }

  /** A GUID value (16 bytes at {@code at}, checked) as its canonical JSON string. */
  static void writeGuid(byte[] b, int at, ByteSink out) {
    out.ascii('"')
        .hexLower(LittleEndian.u32(b, at, at + 4), 8)
        .ascii('-')
        .hexLower(LittleEndian.u16(b, at + 4, at + 6), 4)
        .ascii('-')
        .hexLower(LittleEndian.u16(b, at + 6, at + 8), 4)
        .ascii('-')
        .hexLower(bigEndian(b, at + 8, 2), 4)
        .ascii('-')
        .hexLower(bigEndian(b, at + 10, 6), 12)
        .ascii('"');
  }

  /**
   * The rarer types, through their decoded value; apart so the common cases above stay small to
   * compile.
   */
  private void writeDecoded(byte[] b, ByteSink out) {
    EvtxJson.value(decode(b), out);
  }

  private static long bigEndian(byte[] b, int at, int n) {
    long v = 0;
    for (int i = at; i < at + n; i++) {
      v = v << 8 | (b[i] & 0xFF);
    }
    return v;
  }
}
