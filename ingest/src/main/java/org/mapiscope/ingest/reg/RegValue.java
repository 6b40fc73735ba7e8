package org.mapiscope.ingest.reg;

import java.util.Locale;

/**
 * One {@code "Name"=data} line of a .reg file.
 *
 * @param name the value name, unescaped, spaces kept exactly ({@code ""} for the default value
 *     {@code @})
 * @param type the registry type as regedit writes it
 * @param number the value of a DWORD or QWORD, else -1
 * @param text the data as written (string content for REG_SZ)
 */
record RegValue(String name, Type type, long number, String text) {

  enum Type {
    DWORD("REG_DWORD"),
    QWORD("a QWORD (REG_QWORD)"),
    STRING("a string (REG_SZ)"),
    BINARY("binary (REG_BINARY)"),
    OTHER("not a DWORD"),
    DELETE("a deletion");

    final String words;

    Type(String words) {
      this.words = words;
    }
  }

  /**
   * Parses a value line.
   *
   * @return the value, or {@code null} with no exception when the line is not a value assignment
   * @throws IllegalArgumentException with a reason when the line is a value with malformed data
   */
  static RegValue parse(String line) {
    int eq = assignment(line);
    if (eq < 0) {
      return null;
    }
    String name = line.startsWith("@") ? "" : unescape(line.substring(1, eq - 1));
    String data = line.substring(eq + 1).strip();
    String lower = data.toLowerCase(Locale.ROOT);
    if (data.equals("-")) {
      return new RegValue(name, Type.DELETE, -1, data);
    }
    if (data.startsWith("\"")) {
      if (data.length() < 2 || !data.endsWith("\"")) {
        throw new IllegalArgumentException(
            "the string value of \"" + name + "\" is not closed by a quote");
      }
      return new RegValue(name, Type.STRING, -1, unescape(data.substring(1, data.length() - 1)));
    }
    if (lower.startsWith("dword:")) {
      String hex = data.substring(6).strip();
      if (hex.isEmpty() || hex.length() > 8 || !isHex(hex)) {
        throw new IllegalArgumentException(
            "dword data '" + hex + "' of \"" + name + "\" is not 1-8 hex digits");
      }
      return new RegValue(name, Type.DWORD, Long.parseLong(hex, 16), data);
    }
    if (lower.startsWith("hex(b):")) {
      byte[] bytes = bytes(data.substring(7), name);
      return new RegValue(name, Type.QWORD, bytes.length == 8 ? littleEndian(bytes) : -1, data);
    }
    if (lower.startsWith("hex(4):")) {
      byte[] bytes = bytes(data.substring(7), name);
      if (bytes.length != 4) {
        throw new IllegalArgumentException("hex(4) data of \"" + name + "\" is not 4 bytes");
      }
      return new RegValue(name, Type.DWORD, littleEndian(bytes), data);
    }
    if (lower.startsWith("hex:")) {
      bytes(data.substring(4), name);
      return new RegValue(name, Type.BINARY, -1, data);
    }
    if (lower.startsWith("hex(")) {
      return new RegValue(name, Type.OTHER, -1, data);
    }
    throw new IllegalArgumentException(
        "the data of \"" + name + "\" is in no registry format: " + abbreviate(data));
  }

  /** Index of the '=' after a quoted name or {@code @}, or -1. */
  static int assignment(String line) {
    if (line.startsWith("@")) {
      int k = 1;
      while (k < line.length() && line.charAt(k) == ' ') {
        k++;
      }
      return k < line.length() && line.charAt(k) == '=' ? k : -1;
    }
    if (!line.startsWith("\"")) {
      return -1;
    }
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1 < line.length() && line.charAt(i + 1) == '=' ? i + 1 : -1;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }

  private static byte[] bytes(String list, String name) {
    String trimmed = list.strip();
    if (trimmed.isEmpty()) {
      return new byte[0];
    }
    String[] parts = trimmed.split(",");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty() || p.length() > 2 || !isHex(p)) {
        throw new IllegalArgumentException(
            "hex data of \"" + name + "\" has a bad byte '" + abbreviate(p) + "'");
      }
      out[i] = (byte) Integer.parseInt(p, 16);
    }
    return out;
  }

  private static long littleEndian(byte[] b) {
    long v = 0;
    for (int i = b.length - 1; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
