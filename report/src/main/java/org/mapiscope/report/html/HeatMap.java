package org.mapiscope.report.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Event 9646 per hour of day (columns) and calendar day (rows) in the report's time zone, as an
 * inline SVG; darker is more. Shows the most recent {@link #MAX_DAYS} days with events.
 */
final class HeatMap {

  private HeatMap() {}

  static final int MAX_DAYS = 62;
  private static final int CELL = 26;
  private static final int LEFT = 86;
  private static final int TOP = 20;

  /**
   * @return the number of days with events that did not fit
   */
  static int draw(Html h, NavigableMap<Instant, Long> hourly, ZoneId zone) {
    NavigableMap<LocalDate, long[]> days = new TreeMap<>();
    for (Map.Entry<Instant, Long> e : hourly.entrySet()) {
      ZonedDateTime local = e.getKey().atZone(zone);
      days.computeIfAbsent(local.toLocalDate(), d -> new long[24])[local.getHour()] += e.getValue();
    }
    int dropped = Math.max(0, days.size() - MAX_DAYS);
    while (days.size() > MAX_DAYS) {
      days.pollFirstEntry();
    }
    long max = days.values().stream().flatMapToLong(java.util.Arrays::stream).max().orElse(1);
    int width = LEFT + 24 * CELL + 10;
    int height = TOP + days.size() * CELL + 6;
    h.open(
        "svg",
        "viewBox",
        "0 0 " + width + " " + height,
        "width",
        Integer.toString(width),
        "role",
        "img",
        "aria-labelledby",
        "heat-t");
    h.el("title", "Event 9646 per hour of day and day (" + zone.getId() + ")", "id", "heat-t");
    for (int hour = 0; hour < 24; hour += 3) {
      h.el(
          "text",
          String.format("%02d", hour),
          "x",
          Svg.n(LEFT + hour * CELL + CELL / 2.0),
          "y",
          "14",
          "text-anchor",
          "middle");
    }
    int row = 0;
    for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
      int y = TOP + row++ * CELL;
      h.el(
          "text",
          day.getKey().toString(),
          "x",
          Svg.n(LEFT - 6),
          "y",
          Svg.n(y + CELL * 0.65),
          "text-anchor",
          "end");
      for (int hour = 0; hour < 24; hour++) {
        long n = day.getValue()[hour];
        // Square-root scale: a few huge hours should not hide the many small ones.
        String opacity = n == 0 ? null : Svg.n(0.15 + 0.85 * Math.sqrt(n / (double) max));
        h.open(
            "rect",
            "x",
            Svg.n(LEFT + hour * CELL),
            "y",
            Svg.n(y),
            "width",
            Svg.n(CELL - 2),
            "height",
            Svg.n(CELL - 2),
            "class",
            n == 0 ? "cell0" : "heat",
            "fill-opacity",
            opacity);
        h.el(
            "title",
            day.getKey() + " " + String.format("%02d:00", hour) + ": " + n + " \u00d7 9646");
        h.close("rect");
      }
    }
    h.close("svg");
    return dropped;
  }
}
