package org.mapiscope.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.Setting;

/**
 * KEEPALIVE_TOO_LONG (scope server): KeepAliveTime absent (2 h) or above HealthChecker's 30
 * minutes, on a server where users have DEAD_CLIENT_SESSIONS findings. Evidence without a server
 * name counts for the server when there is only one.
 */
final class KeepAliveRule {

  private final SettingsBook settings;
  private final boolean onlyServer;

  KeepAliveRule(SettingsBook settings, boolean onlyServer) {
    this.settings = settings;
    this.onlyServer = onlyServer;
  }

  Optional<Finding> apply(ServerFacts sf, List<UserFacts> deadUsers, Prescriptions prescriptions) {
    if (sf.keepAliveMs() <= ExchangeDefaults.KEEP_ALIVE_HEALTHCHECKER_MAX_MS
        || deadUsers.isEmpty()) {
      return Optional.empty();
    }
    Setting read = sf.keepAliveSetting();
    double confidence =
        Confidence.of(
            read != null
                ? Confidence.KEEPALIVE_READ
                : sf.exportSeen()
                    ? Confidence.KEEPALIVE_EXPORT_WITHOUT
                    : Confidence.KEEPALIVE_ASSUMED);
    int stale = deadUsers.stream().mapToInt(UserFacts::stale).sum();
    String names =
        deadUsers.stream().limit(5).map(u -> u.user).reduce((a, b) -> a + ", " + b).orElse("");
    String summary =
        RuleContext.keepAliveSentence(sf)
            + (read == null && !sf.exportSeen()
                ? " (no registry export of this server was read, so the Windows default is assumed)"
                : "")
            + "; HealthChecker expects 15–30 minutes. Meanwhile "
            + SummaryWording.count(deadUsers.size(), "user", "users")
            + " ("
            + names
            + (deadUsers.size() > 5 ? ", …" : "")
            + ") left "
            + SummaryWording.count(stale, "session", "sessions")
            + " of vanished clients that the server kept for up to "
            + SummaryWording.duration(sf.deadPeerMs())
            + ".";
    ExampleSample examples = new ExampleSample();
    List<Finding.EvidenceItem> items = new java.util.ArrayList<>();
    if (read != null) {
      items.add(
          new Finding.EvidenceItem(
              read.ref().file(),
              read.ref().where(),
              ExchangeDefaults.KEEP_ALIVE_TIME + " = " + read.value().text()));
    } else if (sf.exportSeen()) {
      Setting other = settings.anyFor(sf.server(), onlyServer);
      items.add(
          new Finding.EvidenceItem(
              other.ref().file(),
              other.ref().where(),
              "registry export of "
                  + (sf.displayName() == null ? "the server" : sf.displayName())
                  + " without "
                  + ExchangeDefaults.KEEP_ALIVE_TIME));
    }
    deadUsers.forEach(u -> examples.addAll(u.leftovers.reapedExamples));
    for (Example e : examples.list()) {
      if (items.size() < Thresholds.MAX_EVIDENCE_PER_FINDING) {
        items.add(e.item());
      }
    }
    String subject = sf.displayName() == null ? ServerNames.UNKNOWN : sf.displayName();
    return Optional.of(
        new Finding(
            Finding.Scope.SERVER,
            subject,
            Cause.KEEPALIVE_TOO_LONG,
            confidence,
            summary,
            items,
            List.of(prescriptions.lowerKeepAlive(sf)),
            new FindingFacts.KeepAliveTooLong(
                sf.keepAliveMs(),
                read != null,
                deadUsers.size(),
                prescriptions.keepAliveTarget())));
  }

  /** Users with dead sessions on the server; unnamed-server evidence joins the only server. */
  static List<UserFacts> deadUsersOn(
      String server, Map<String, UserFacts> deadUsers, boolean onlyServer) {
    return deadUsers.values().stream()
        .filter(
            u ->
                u.leftovers.staleByServer.containsKey(server)
                    || (onlyServer && u.leftovers.staleByServer.containsKey(ServerNames.UNKNOWN))
                    || (u.leftovers.staleByServer.isEmpty()
                        && (u.snapshots.snapshotServer == null
                            ? onlyServer
                            : u.snapshots.snapshotServer.equals(server))))
        .sorted(java.util.Comparator.comparing(u -> u.user))
        .toList();
  }
}
