package org.mapiscope.report.compare;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code compare} needs from one {@code analyze} JSON.
 *
 * @param source the file it was read from
 * @param total Event 9646 in total
 * @param first first event, or {@code null} when there were none
 * @param last last event, or {@code null}
 * @param events 9646 per user key (all object types)
 * @param peaks peak concurrent sessions per user key
 * @param causes cause codes per subject (user, account or server), strongest first
 */
public record AnalyzeSnapshot(
    String source,
    long total,
    Instant first,
    Instant last,
    Map<String, Long> events,
    Map<String, Integer> peaks,
    Map<String, List<String>> causes) {

  public AnalyzeSnapshot {
    events = Map.copyOf(events);
    peaks = Map.copyOf(peaks);
    causes = Map.copyOf(causes);
  }
}
