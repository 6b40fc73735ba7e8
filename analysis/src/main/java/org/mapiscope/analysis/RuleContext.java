package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * What every rule may consult besides the user: version, each server's settings, the middleboxes,
 * and the causes already found for the user (rules run strongest-signal first).
 */
record RuleContext(
    ExchangeVersion version,
    Map<String, ServerFacts> servers,
    Middleboxes middleboxes,
    Map<String, Map<String, Integer>> establishedPeaks,
    Prescriptions prescriptions,
    Set<Cause> foundForUser) {

  RuleContext withFound(Set<Cause> found) {
    return new RuleContext(version, servers, middleboxes, establishedPeaks, prescriptions, found);
  }

  /** The server a user's trouble is on: where the peak, the worst rejection or the events were. */
  ServerFacts serverOf(UserFacts u) {
    String key =
        Stream.of(
                u.refusals.worstServer,
                u.usage.peakServer,
                u.snapshots.snapshotServer,
                u.leftovers.middleboxServer,
                u.tallies.stream().flatMap(t -> t.servers.stream()).findFirst().orElse(null))
            .filter(s -> s != null && servers.containsKey(s))
            .findFirst()
            .orElseGet(
                () ->
                    servers.size() == 1 ? servers.keySet().iterator().next() : ServerNames.UNKNOWN);
    return servers.getOrDefault(key, servers.get(ServerNames.UNKNOWN));
  }

  /**
   * The session cap the user ran into: as logged by 9646 (not the service cap), else the server's.
   */
  int sessionLimitOf(UserFacts u) {
    Integer logged =
        u.tallies.stream()
            .filter(
                t ->
                    UserFacts.isSession(t)
                        && t.key.limit() != ExchangeDefaults.SERVICE_SESSIONS_PER_USER)
            .map(t -> t.key.limit())
            .max(Integer::compare)
            .orElse(null);
    if (logged != null) {
      return logged;
    }
    ServerFacts sf = serverOf(u);
    return sf == null ? ExchangeDefaults.SESSIONS_PER_USER : sf.sessionLimit();
  }

  int establishedFrom(String server, String address) {
    return establishedPeaks.getOrDefault(server, Map.of()).getOrDefault(address, 0);
  }

  /**
   * The first few examples of the given kinds, in the order given, at most {@link
   * Thresholds#MAX_EVIDENCE_PER_FINDING}.
   */
  static List<Finding.EvidenceItem> evidence(ExampleSample... samples) {
    // Round-robin over the kinds, so each kind of proof is represented before any repeats.
    List<Finding.EvidenceItem> items = new ArrayList<>();
    for (int round = 0; round < Thresholds.REFS_PER_KIND; round++) {
      for (ExampleSample sample : samples) {
        List<Example> list = sample.list();
        if (round < list.size() && items.size() < Thresholds.MAX_EVIDENCE_PER_FINDING) {
          items.add(list.get(round).item());
        }
      }
    }
    return items;
  }

  /** A one-line account of the user's 9646 events, or empty when there were none. */
  static String eventsSentence(UserFacts u) {
    long n = u.sessionLimitEvents();
    if (n == 0) {
      return u.refusals.rejected > 0
          ? " The server refused "
              + SummaryWording.count(u.refusals.rejected, "connect", "connects")
              + "."
          : "";
    }
    var first =
        u.tallies.stream()
            .filter(UserFacts::isSession)
            .map(t -> t.first)
            .min(java.time.Instant::compareTo)
            .orElse(null);
    var last =
        u.tallies.stream()
            .filter(UserFacts::isSession)
            .map(t -> t.last)
            .max(java.time.Instant::compareTo)
            .orElse(null);
    return " "
        + u.user
        + " hit the session limit "
        + SummaryWording.count(n, "time", "times")
        + " (Event 9646) between "
        + SummaryWording.time(first)
        + " and "
        + SummaryWording.time(last)
        + ".";
  }

  /**
   * {@code KeepAliveTime on ex01 is 7,200,000 ms (2 h)} or {@code … is not set, so Windows uses 2
   * h}.
   */
  static String keepAliveSentence(ServerFacts sf) {
    String on = sf.displayName() == null ? "the server" : sf.displayName();
    return sf.keepAliveSetting() == null
        ? "KeepAliveTime on "
            + on
            + " is not set"
            + (sf.exportSeen() ? " in its registry export" : "")
            + ", so Windows uses "
            + SummaryWording.duration(sf.keepAliveMs())
        : "KeepAliveTime on " + on + " is " + SummaryWording.keepAlive(sf.keepAliveMs());
  }
}
