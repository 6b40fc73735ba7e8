package org.mapiscope.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Event 9646 tally.
 *
 * @param total all 9646 events read
 * @param byObjectType count per object type as logged ({@code session}, {@code objtFolder}, …),
 *     most first
 * @param byUser one row per (user, object type, limit), most events first
 * @param first earliest event, or {@code null} when there are none
 * @param last latest event, or {@code null}
 * @param duplicatesDropped copies of events already counted (overlapping exports), not in {@code
 *     total}
 */
public record LimitEventSummary(
    long total,
    Map<String, Long> byObjectType,
    List<UserLimitEvents> byUser,
    Instant first,
    Instant last,
    long duplicatesDropped) {

  /** A tally without duplicates. */
  public LimitEventSummary(
      long total,
      Map<String, Long> byObjectType,
      List<UserLimitEvents> byUser,
      Instant first,
      Instant last) {
    this(total, byObjectType, byUser, first, last, 0);
  }

  public LimitEventSummary {
    byObjectType =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byObjectType));
    byUser = List.copyOf(byUser);
  }

  /**
   * One user's events of one object type and limit.
   *
   * @param user user key
   * @param dn legacyExchangeDN as logged, or {@code null} (GUID-only events)
   * @param objectType object type
   * @param limit the cap logged
   * @param count number of events
   * @param first first event time
   * @param last last event time
   * @param servers servers that logged them, sorted
   */
  public record UserLimitEvents(
      String user,
      String dn,
      String objectType,
      int limit,
      long count,
      Instant first,
      Instant last,
      List<String> servers) {

    public UserLimitEvents {
      servers = List.copyOf(servers);
    }
  }
}
