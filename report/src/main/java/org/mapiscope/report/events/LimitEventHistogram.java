package org.mapiscope.report.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.mapiscope.model.LimitEvent;

/**
 * Event 9646 counts per clock hour, in total and per user: what the HTML heat map and the 9646
 * markers on the timelines draw. Memory grows with the hours that saw events, not with the events.
 * Partial histograms merge associatively (one per input file, merged at the end). Not thread-safe:
 * give each worker its own and {@link #merge} them.
 */
public final class LimitEventHistogram implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final long HOUR_SECONDS = 3600;

  private final NavigableMap<Long, Long> total = new TreeMap<>();
  private final Map<String, NavigableMap<Long, Long>> byUser = new HashMap<>();

  public void add(LimitEvent event) {
    add(event.user(), event.time(), 1);
  }

  /** Counts {@code count} events of {@code user} in the hour of {@code time}. */
  public void add(String user, Instant time, long count) {
    long hour = Math.floorDiv(time.getEpochSecond(), HOUR_SECONDS);
    total.merge(hour, count, Long::sum);
    byUser.computeIfAbsent(user, u -> new TreeMap<>()).merge(hour, count, Long::sum);
  }

  /** Adds everything {@code other} counted into this one; returns this. */
  public LimitEventHistogram merge(LimitEventHistogram other) {
    other.byUser.forEach(
        (user, hours) ->
            hours.forEach(
                (hour, n) -> {
                  total.merge(hour, n, Long::sum);
                  byUser.computeIfAbsent(user, u -> new TreeMap<>()).merge(hour, n, Long::sum);
                }));
    return this;
  }

  /** Events per hour start, oldest first. */
  public NavigableMap<Instant, Long> hourly() {
    return asInstants(total);
  }

  /** One user's events per hour start, oldest first; empty when the user had none. */
  public NavigableMap<Instant, Long> hourly(String user) {
    return asInstants(byUser.getOrDefault(user, Collections.emptyNavigableMap()));
  }

  public boolean isEmpty() {
    return total.isEmpty();
  }

  private static NavigableMap<Instant, Long> asInstants(NavigableMap<Long, Long> hours) {
    NavigableMap<Instant, Long> out = new TreeMap<>();
    hours.forEach((h, n) -> out.put(Instant.ofEpochSecond(h * HOUR_SECONDS), n));
    return Collections.unmodifiableNavigableMap(out);
  }
}
