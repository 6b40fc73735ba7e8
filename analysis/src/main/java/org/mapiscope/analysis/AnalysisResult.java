package org.mapiscope.analysis;

import java.util.List;

/**
 * Everything {@code analyze} concluded from the evidence; mirrors the JSON of docs/contract.md (the
 * {@code tool} and {@code inputs} sections are added by the caller).
 *
 * @param limitEvents the Event 9646 tally
 * @param sessions reconstructed sessions per user
 * @param settings server settings that matter, read or defaulted
 * @param findings causes, strongest first per subject
 * @param recommendations what to change, in numbers
 * @param exchange the Exchange version the remedies were written for, and why (added; may be {@code
 *     null} when built with the original five-argument constructor)
 */
public record AnalysisResult(
    LimitEventSummary limitEvents,
    SessionSummary sessions,
    List<SettingView> settings,
    List<Finding> findings,
    Recommendations recommendations,
    VersionVerdict exchange) {

  public AnalysisResult {
    settings = List.copyOf(settings);
    findings = List.copyOf(findings);
  }

  /** The original contract, without the version verdict. */
  public AnalysisResult(
      LimitEventSummary limitEvents,
      SessionSummary sessions,
      List<SettingView> settings,
      List<Finding> findings,
      Recommendations recommendations) {
    this(limitEvents, sessions, settings, findings, recommendations, null);
  }

  /** The totals every report shows, computed in one place so console, HTML and JSON agree. */
  public Totals totals() {
    long rows = 0;
    long attempts = 0;
    long other = 0;
    long rundowns = 0;
    long restarts = 0;
    for (SessionSummary.UserSessions u : sessions.byUser()) {
      rows += u.rejected();
      attempts += u.refusals().attempts();
      other += u.refusals().otherFailedConnects();
      rundowns += u.refusals().rundowns();
      restarts += u.refusals().endedByRestart();
    }
    return new Totals(
        limitEvents.total(),
        limitEvents.duplicatesDropped(),
        rows,
        attempts,
        other,
        rundowns,
        restarts);
  }

  /**
   * @param limitEvents Event 9646, each counted once
   * @param duplicatesDropped copies of 9646 in overlapping exports, not counted
   * @param refusedRows RCA rows of connects refused at the session limit
   * @param unmetSessions refused attempt streams (RCA and 9646 joined, retries collapsed)
   * @param otherFailedConnects connects that failed for other reasons: not refusals
   * @param rundowns sessions the server ran down (NetworkRundown)
   * @param endedByRestart sessions a service restart ended
   */
  public record Totals(
      long limitEvents,
      long duplicatesDropped,
      long refusedRows,
      long unmetSessions,
      long otherFailedConnects,
      long rundowns,
      long endedByRestart) {}
}
