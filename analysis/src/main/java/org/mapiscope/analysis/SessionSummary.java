package org.mapiscope.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reconstructed sessions per user.
 *
 * @param byUser one entry per user with session evidence, highest peak first
 */
public record SessionSummary(List<UserSessions> byUser) {

  public SessionSummary {
    byUser = List.copyOf(byUser);
  }

  /**
   * One user's sessions.
   *
   * @param user user key
   * @param peakConcurrent most sessions open at once (stale included)
   * @param peakAt when that peak was first reached, or {@code null}
   * @param peakActive most sessions open at once whose client had not moved on
   * @param stale sessions judged dead (client gone) while still held by the server
   * @param clients clients by address, software and mode, most sessions first
   * @param timeline open/active concurrency over time, for charts; kept only for users with 9646
   *     events or findings, and thinned to a bounded number of points
   * @param rejected connects the server refused at the session limit (RCA rows): unmet demand
   *     (added)
   * @param refusals the user's refusals and other failures, joined and counted (added; never {@code
   *     null})
   * @param clientsTotal clients the user's sessions came from, those left out of {@code clients}
   *     included: the analysis keeps a bounded number of clients per server and counts the rest (a
   *     client let go of and seen again counts again) (added; at least {@code clients.size()})
   * @param sessionsTotal sessions the user opened, from every client, listed or not (added; exact)
   */
  public record UserSessions(
      String user,
      int peakConcurrent,
      Instant peakAt,
      int peakActive,
      int stale,
      List<ClientUsage> clients,
      List<TimelinePoint> timeline,
      long rejected,
      Refusals refusals,
      int clientsTotal,
      long sessionsTotal) {

    public UserSessions {
      clients = List.copyOf(clients);
      timeline = List.copyOf(timeline);
      refusals = refusals == null ? Refusals.NONE : refusals;
      clientsTotal = Math.max(clientsTotal, clients.size());
      sessionsTotal = Math.max(sessionsTotal, listedSessions(clients));
    }

    /** Every client listed: the totals are those of the list. */
    public UserSessions(
        String user,
        int peakConcurrent,
        Instant peakAt,
        int peakActive,
        int stale,
        List<ClientUsage> clients,
        List<TimelinePoint> timeline,
        long rejected,
        Refusals refusals) {
      this(
          user,
          peakConcurrent,
          peakAt,
          peakActive,
          stale,
          clients,
          timeline,
          rejected,
          refusals,
          0,
          0);
    }

    /** Without the refusal details. */
    public UserSessions(
        String user,
        int peakConcurrent,
        Instant peakAt,
        int peakActive,
        int stale,
        List<ClientUsage> clients,
        List<TimelinePoint> timeline,
        long rejected) {
      this(
          user,
          peakConcurrent,
          peakAt,
          peakActive,
          stale,
          clients,
          timeline,
          rejected,
          Refusals.NONE);
    }

    /** The original contract, without the refused connects. */
    public UserSessions(
        String user,
        int peakConcurrent,
        Instant peakAt,
        int peakActive,
        int stale,
        List<ClientUsage> clients,
        List<TimelinePoint> timeline) {
      this(user, peakConcurrent, peakAt, peakActive, stale, clients, timeline, 0);
    }

    /** Clients left out of {@link #clients()}; 0 when the list is complete. */
    public int clientsOmitted() {
      return clientsTotal - clients.size();
    }

    /** Sessions of the clients left out of {@link #clients()}. */
    public long sessionsOmitted() {
      return sessionsTotal - listedSessions(clients);
    }

    private static long listedSessions(List<ClientUsage> clients) {
      return clients.stream().mapToLong(ClientUsage::sessions).sum();
    }
  }

  /**
   * How a user's sessions were refused or failed, and how they ended without their client closing
   * them.
   *
   * @param attempts distinct unmet sessions: refused attempt streams, retries collapsed (RCA
   *     refusal rows and Event 9646 together)
   * @param worstAt the refusal with the largest demand, or {@code null}
   * @param openAtWorst sessions the server held for the user then (-1 when no RCA log covers it)
   * @param inUseAtWorst of those, sessions whose client was alive (-1 likewise)
   * @param otherFailedConnects connects that failed for reasons other than the limit (permission,
   *     authentication, network): not demand
   * @param otherFailures those by status as logged, most first
   * @param rundowns sessions the server ran down (NetworkRundown: their client was gone)
   * @param endedByRestart sessions a service restart ended
   */
  public record Refusals(
      int attempts,
      Instant worstAt,
      int openAtWorst,
      int inUseAtWorst,
      long otherFailedConnects,
      Map<String, Long> otherFailures,
      long rundowns,
      long endedByRestart) {

    public static final Refusals NONE = new Refusals(0, null, -1, -1, 0, Map.of(), 0, 0);

    public Refusals {
      otherFailures =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherFailures));
    }
  }

  /**
   * Sessions from one client.
   *
   * @param ip client address, or {@code null}
   * @param software client software, or {@code null}
   * @param mode client mode, or {@code null}
   * @param sessions sessions opened
   */
  public record ClientUsage(String ip, String software, String mode, int sessions) {}

  /**
   * Concurrency from {@code time} until the next point.
   *
   * @param time when the counts changed
   * @param open sessions the server held
   * @param active of those, sessions whose client had not moved on
   */
  public record TimelinePoint(Instant time, int open, int active) {}
}
