package org.mapiscope.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.mapiscope.analysis.SessionSummary.TimelinePoint;

/**
 * One user's open sessions against the limit, as an inline SVG: open and active sessions as step
 * lines, the stale gap between them shaded, the limit dashed, and red ticks where 9646 events were
 * logged (one per clock hour, with the count in a tooltip).
 */
final class TimelineChart {

  private TimelineChart() {}

  static final int WIDTH = 900;
  static final int HEIGHT = 240;
  private static final int LEFT = 40;
  private static final int RIGHT = 10;
  private static final int TOP = 18;
  private static final int BOTTOM = 28;

  /** Points drawn at most; beyond that the busiest point of each stride is kept. */
  static final int MAX_POINTS = 1200;

  static void draw(
      Html h,
      String id,
      String user,
      List<TimelinePoint> timeline,
      int limit,
      NavigableMap<Instant, Long> events9646,
      ZoneId zone) {
    List<TimelinePoint> points = thin(timeline);
    Instant from = points.get(0).time();
    Instant to = points.get(points.size() - 1).time();
    if (!events9646.isEmpty()) {
      from = min(from, events9646.firstKey());
      to = max(to, events9646.lastKey().plus(Duration.ofHours(1)));
    }
    long span = Math.max(1, Duration.between(from, to).getSeconds());
    int peak = points.stream().mapToInt(TimelinePoint::open).max().orElse(0);
    double yMax = Math.max(limit, peak) * 1.12 + 1;
    Scale s = new Scale(from, span, yMax);

    h.open(
        "svg",
        "viewBox",
        "0 0 " + WIDTH + " " + HEIGHT,
        "width",
        Integer.toString(WIDTH),
        "role",
        "img",
        "aria-labelledby",
        id + "-t");
    h.el(
        "title",
        "Open and active sessions of " + user + " against the limit of " + limit,
        "id",
        id + "-t");
    axes(h, s, limit, yMax, from, to, zone);
    h.empty("path", "class", "stale", "d", staleArea(points, s, to));
    h.empty("path", "class", "open", "d", step(points, s, to, true));
    h.empty("path", "class", "active", "d", step(points, s, to, false));
    double yLimit = s.y(limit);
    h.empty(
        "line",
        "class",
        "limit",
        "x1",
        Svg.n(LEFT),
        "x2",
        Svg.n(WIDTH - RIGHT),
        "y1",
        Svg.n(yLimit),
        "y2",
        Svg.n(yLimit));
    h.el(
        "text",
        "limit " + limit,
        "x",
        Svg.n(WIDTH - RIGHT - 4),
        "y",
        Svg.n(yLimit - 4),
        "text-anchor",
        "end");
    for (Map.Entry<Instant, Long> e : events9646.entrySet()) {
      double x = s.x(e.getKey().plus(Duration.ofMinutes(30)));
      h.open("path", "class", "mark", "d", "M" + Svg.n(x - 4) + " " + (TOP - 10) + "h8l-4 8z");
      h.el(
          "title",
          e.getValue() + " \u00d7 9646 in the hour from " + Svg.dateTime(e.getKey(), zone));
      h.close("path");
    }
    h.close("svg");
  }

  private static void axes(
      Html h, Scale s, int limit, double yMax, Instant from, Instant to, ZoneId zone) {
    double bottom = HEIGHT - BOTTOM;
    h.empty(
        "line",
        "class",
        "ax",
        "x1",
        Svg.n(LEFT),
        "x2",
        Svg.n(WIDTH - RIGHT),
        "y1",
        Svg.n(bottom),
        "y2",
        Svg.n(bottom));
    h.empty(
        "line",
        "class",
        "ax",
        "x1",
        Svg.n(LEFT),
        "x2",
        Svg.n(LEFT),
        "y1",
        Svg.n(TOP),
        "y2",
        Svg.n(bottom));
    int stepY = yMax > 80 ? 20 : yMax > 30 ? 10 : 5;
    for (int v = 0; v < yMax; v += stepY) {
      h.el(
          "text",
          Integer.toString(v),
          "x",
          Svg.n(LEFT - 4),
          "y",
          Svg.n(s.y(v) + 4),
          "text-anchor",
          "end");
    }
    for (int i = 0; i <= 4; i++) {
      Instant t = from.plusSeconds(Duration.between(from, to).getSeconds() * i / 4);
      h.el(
          "text",
          Svg.dayHour(t, zone),
          "x",
          Svg.n(s.x(t)),
          "y",
          Svg.n(HEIGHT - 8.0),
          "text-anchor",
          i == 0 ? "start" : i == 4 ? "end" : "middle");
    }
  }

  /** Step line through open (or active) counts, held until the next point and to the end. */
  private static String step(List<TimelinePoint> points, Scale s, Instant end, boolean open) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      TimelinePoint p = points.get(i);
      double x = s.x(p.time());
      double y = s.y(open ? p.open() : p.active());
      d.append(i == 0 ? "M" : "H").append(Svg.n(x));
      d.append(i == 0 ? " " + Svg.n(y) : "V" + Svg.n(y));
    }
    d.append("H").append(Svg.n(s.x(end)));
    return d.toString();
  }

  /** The area between the open and the active step lines: sessions held for clients that left. */
  private static String staleArea(List<TimelinePoint> points, Scale s, Instant end) {
    StringBuilder d = new StringBuilder(step(points, s, end, true));
    for (int i = points.size() - 1; i >= 0; i--) {
      TimelinePoint p = points.get(i);
      double xNext = i + 1 < points.size() ? s.x(points.get(i + 1).time()) : s.x(end);
      d.append("H").append(Svg.n(xNext)).append("V").append(Svg.n(s.y(p.active())));
      d.append("H").append(Svg.n(s.x(p.time())));
    }
    return d.append("Z").toString();
  }

  /** Keeps at most {@link #MAX_POINTS}: in each stride, the point with the most open sessions. */
  static List<TimelinePoint> thin(List<TimelinePoint> timeline) {
    if (timeline.size() <= MAX_POINTS) {
      return timeline;
    }
    int stride = (timeline.size() + MAX_POINTS - 1) / MAX_POINTS;
    List<TimelinePoint> kept = new ArrayList<>();
    for (int i = 0; i < timeline.size(); i += stride) {
      TimelinePoint best = timeline.get(i);
      for (int j = i; j < Math.min(timeline.size(), i + stride); j++) {
        if (timeline.get(j).open() > best.open()) {
          best =
              new TimelinePoint(
                  timeline.get(i).time(), timeline.get(j).open(), timeline.get(j).active());
        }
      }
      kept.add(best);
    }
    return kept;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Maps time and count to chart coordinates. */
  private record Scale(Instant from, long spanSeconds, double yMax) {
    double x(Instant t) {
      double f = Duration.between(from, t).getSeconds() / (double) spanSeconds;
      return LEFT + Math.max(0, Math.min(1, f)) * (WIDTH - LEFT - RIGHT);
    }

    double y(double v) {
      return HEIGHT - BOTTOM - v / yMax * (HEIGHT - BOTTOM - TOP);
    }
  }
}
