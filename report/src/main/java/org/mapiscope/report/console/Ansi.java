package org.mapiscope.report.console;

/**
 * ANSI styling that is a no-op when colour is off (the CLI decides: terminal, {@code --no-color}).
 */
final class Ansi {

  private final boolean on;

  Ansi(boolean on) {
    this.on = on;
  }

  String bold(String s) {
    return wrap("1", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String yellow(String s) {
    return wrap("33", s);
  }

  String green(String s) {
    return wrap("32", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String code, String s) {
    return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /**
   * Evidence text made safe for a terminal: control characters (ESC above all, which could restyle
   * or rewrite the screen) become {@code ?}.
   */
  static String clean(String s) {
    if (s == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(
                    Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 ? '?' : cp));
    return out.toString();
  }
}
