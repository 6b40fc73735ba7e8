package org.mapiscope.cli;

/** Whether we talk to a person at a terminal: decides colour and the progress line. */
final class Terminal {

  private Terminal() {}

  /** True when attached to a console; false when redirected, piped or run in-process by tests. */
  static boolean interactive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    // Java 22+ hands out a Console even when redirected; only its isTerminal() tells the truth.
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17–21: a Console exists only for a terminal
    }
  }

  /**
   * Colour unless redirected, asked not to ({@code --no-color}), or the environment says so
   * (NO_COLOR, TERM=dumb).
   */
  static boolean color(boolean noColorOption) {
    if (noColorOption || !interactive() || System.getenv("NO_COLOR") != null) {
      return false;
    }
    String term = System.getenv("TERM");
    return !"dumb".equals(term) || System.getProperty("os.name", "").startsWith("Windows");
  }
}
