package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.SessionEvent;

/** Per-user detail stays bounded however long the logs are, and the totals stay exact. */
class BoundedUserStateTest {

  private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

  private static SessionEvent event(
      SessionEvent.Kind kind, String id, Instant t, String ip, long line) {
    return new SessionEvent(
        t,
        "EX01",
        id,
        "jdoe",
        "/o=Contoso/cn=Recipients/cn=jdoe",
        kind,
        kind == SessionEvent.Kind.CONNECT ? "Connect" : "Disconnect",
        ip,
        "OUTLOOK.EXE",
        "14.0.7015.1000",
        "Cached",
        null,
        EvidenceRef.line("RCA_20261102-1.LOG", line));
  }

  @Test
  void aVpnUserOnThousandsOfAddressesKeepsBoundedDetailAndExactCounts() {
    UserTrack track = new UserTrack("ex01", "jdoe");
    int addresses = 5_000;
    for (int i = 0; i < addresses; i++) {
      Instant t = T0.plusSeconds(600L * i); // a new VPN address every 10 minutes, for a month
      String ip = "10.200." + (i / 250) + "." + (i % 250);
      OpenSession s =
          track.connect(
              event(SessionEvent.Kind.CONNECT, "s" + i, t, ip, 2L * i),
              new ClientKey(ip, "OUTLOOK.EXE", "Cached"));
      track.disconnect(s, t.plusSeconds(300), EvidenceRef.line("RCA_20261102-1.LOG", 2L * i + 1));
    }

    assertThat(track.clients.size()).isLessThanOrEqualTo(Thresholds.MAX_TRACKED_CLIENTS);
    assertThat(track.addresses.held()).isLessThanOrEqualTo(Thresholds.MAX_TRACKED_ADDRESSES);
    assertThat(track.addressCount()).isEqualTo(addresses);
    assertThat(track.oneTimeAddressCount()).isEqualTo(addresses);
    assertThat(track.sessionsOpened).isEqualTo(addresses);
  }

  @Test
  void clientsWithOpenSessionsAreNeverFolded() {
    UserTrack track = new UserTrack("ex01", "jdoe");
    int held = Thresholds.MAX_TRACKED_CLIENTS + 10;
    for (int i = 0; i < held; i++) {
      String ip = "10.8.0." + i;
      track.connect(
          event(SessionEvent.Kind.CONNECT, "h" + i, T0.plusSeconds(i), ip, i),
          new ClientKey(ip, "OUTLOOK.EXE", "Cached"));
    }

    assertThat(track.clients.size()).isEqualTo(held);
    assertThat(track.openSessions()).hasSize(held);
    // Closing them all works: every open session still finds its client.
    for (OpenSession s : track.openSessions().stream().toList()) {
      track.disconnect(s, T0.plusSeconds(3_600), EvidenceRef.line("RCA_20261102-1.LOG", 9_999));
    }
    assertThat(track.openSessions()).isEmpty();
  }

  @Test
  void theMostSessionHungryClientSurvivesFolding() {
    UserTrack track = new UserTrack("ex01", "jdoe");
    ClientKey indexer = new ClientKey("10.1.1.5", "SearchProtocolHost.exe", "Classic");
    for (int i = 0; i < 20; i++) {
      OpenSession s =
          track.connect(
              event(SessionEvent.Kind.CONNECT, "x" + i, T0.plusSeconds(i), "10.1.1.5", i), indexer);
      assertThat(s).isNotNull();
    }
    for (OpenSession s : track.openSessions().stream().toList()) {
      track.disconnect(s, T0.plusSeconds(100), EvidenceRef.line("RCA_20261102-1.LOG", 100));
    }
    for (int i = 0; i < 1_000; i++) {
      String ip = "10.9." + (i / 250) + "." + (i % 250);
      Instant t = T0.plusSeconds(1_000L + 60L * i);
      OpenSession s =
          track.connect(
              event(SessionEvent.Kind.CONNECT, "v" + i, t, ip, 200L + i),
              new ClientKey(ip, "OUTLOOK.EXE", "Cached"));
      track.disconnect(s, t.plusSeconds(30), EvidenceRef.line("RCA_20261102-1.LOG", 5_000L + i));
    }

    assertThat(track.clients.contains(indexer)).isFalse();
    assertThat(track.strongestFoldedClient).isEqualTo(indexer);
    assertThat(track.strongestFoldedStats.peakActive()).isEqualTo(20);
  }

  @Test
  void failedConnectsKeepBoundedStatusesAndExactCounts() {
    UserTrack track = new UserTrack("ex01", "jdoe");
    int failures = Thresholds.MAX_FAILURE_POINTS + 500;
    for (int i = 0; i < failures; i++) {
      // A status of its own for every failure past the first few: a log naming thousands of kinds.
      String status = i < 3 ? "1010 (rpc::LoginPerm)" : (2000 + i) + " (rpc::Other)";
      track.failed(
          new SessionEvent(
              T0.plusSeconds(i),
              "EX01",
              "f" + i,
              "jdoe",
              "/o=Contoso/cn=Recipients/cn=jdoe",
              SessionEvent.Kind.FAILED,
              "Connect",
              "10.1.1." + i % 200,
              "OUTLOOK.EXE",
              "14.0.7015.1000",
              "Cached",
              null,
              EvidenceRef.line("RCA_20261102-1.LOG", i),
              status));
    }

    assertThat(track.otherFailures).isEqualTo(failures);
    assertThat(track.otherFailureStatus()).hasSize(Thresholds.MAX_FAILURE_KINDS);
    assertThat(track.otherFailureStatus()).containsEntry("1010 (rpc::LoginPerm)", 3L);
    assertThat(track.failedPoints.size()).isEqualTo(Thresholds.MAX_FAILURE_POINTS);
    assertThat(track.failedStatus(0)).isEqualTo("1010 (rpc::LoginPerm)");
    // Beyond the counted kinds a point keeps no status.
    assertThat(track.failedStatus(Thresholds.MAX_FAILURE_POINTS - 1)).isNull();
    assertThat(track.failureExamples.list()).hasSize(Thresholds.REFS_PER_KIND);
  }

  @Test
  void logonCapturesKeepTheLargestCapturesAndBoundedRows() {
    LogonCaptures captures = new LogonCaptures();
    int taken = Thresholds.MAX_CAPTURES_PER_USER + 10;
    for (int c = 0; c < taken; c++) {
      Instant at = T0.plus(java.time.Duration.ofMinutes(5L * c));
      // Capture c lists c + 1 logons; the one taken last lists more than a capture may keep.
      int rows = c == taken - 1 ? Thresholds.MAX_ROWS_PER_CAPTURE + 7 : c + 1;
      for (int r = 0; r < rows; r++) {
        captures.add(
            new org.mapiscope.model.LogonSnapshot(
                at,
                "EX01",
                "jdoe",
                null,
                at.minusSeconds(3_600),
                at.minusSeconds(r),
                "10.1.1." + r % 250,
                "PC" + r,
                "14.0.7015.1000",
                "Cached",
                null,
                null,
                EvidenceRef.line("logons.csv", 1000L * c + r)));
      }
    }

    java.util.List<LogonCaptures.Capture> kept = captures.list();
    assertThat(kept).hasSize(Thresholds.MAX_CAPTURES_PER_USER);
    // The captures with the fewest logons went first: the earliest ten.
    assertThat(kept.get(0).time).isEqualTo(T0.plus(java.time.Duration.ofMinutes(5L * 10)));
    LogonCaptures.Capture last = kept.get(kept.size() - 1);
    assertThat(last.count).isEqualTo(Thresholds.MAX_ROWS_PER_CAPTURE + 7);
    assertThat(last.rows).hasSize(Thresholds.MAX_ROWS_PER_CAPTURE);
  }
}
