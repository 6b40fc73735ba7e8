package org.mapiscope.sim.scenario;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of a scenario: a number with a unit, {@code 300000ms}, {@code 300s}, {@code
 * 5m}, {@code 2h}, {@code 7d}; a fraction is allowed when it comes to whole milliseconds ({@code
 * 1.5h}). Thread-safe.
 */
public final class Durations {

  private Durations() {}

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  /**
   * The duration in milliseconds.
   *
   * @throws IllegalArgumentException with a message saying what is accepted, when the text is no
   *     duration or not a whole number of milliseconds
   */
  public static long parseMillis(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a duration (use a number and a unit: 300000ms, 300s, 5m, 2h, 7d)");
    }
    BigDecimal millis =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(m.group(2))));
    try {
      return millis.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a whole number of milliseconds or too long");
    }
  }

  /**
   * The shortest exact spelling of a duration, for messages and documents: {@code 7200000} gives
   * {@code 2h}.
   */
  public static String format(long millis) {
    for (String unit : new String[] {"d", "h", "m", "s"}) {
      long u = unitMillis(unit);
      if (millis != 0 && millis % u == 0) {
        return millis / u + unit;
      }
    }
    return millis + "ms";
  }

  private static long unitMillis(String unit) {
    return switch (unit) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> throw new IllegalArgumentException(unit);
    };
  }
}
