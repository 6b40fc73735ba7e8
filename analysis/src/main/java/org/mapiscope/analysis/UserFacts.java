package org.mapiscope.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.LogonSnapshot;

/**
 * What the evidence says about one user across all servers, judged against each server's keepalive.
 * Built at the end from the per-(server, user) tracks; the cause rules read only this.
 */
final class UserFacts {

  final String user;
  String dn;
  final PeakUsage usage = new PeakUsage();
  final ClientFacts clients = new ClientFacts();
  final Leftovers leftovers = new Leftovers();
  final RefusalFacts refusals = new RefusalFacts();
  final SnapshotFacts snapshots = new SnapshotFacts();

  final List<LimitEventTally> tallies = new ArrayList<>();

  UserFacts(String user) {
    this.user = user;
  }

  int stale() {
    return Math.max(leftovers.reaped + leftovers.openStale + rundowns(), snapshots.snapshotStale);
  }

  /**
   * Stale sessions without those a new start on the same machine seemed to leave behind: on a fixed
   * machine that is weaker proof than a move to another address (docs/domain.md).
   */
  int staleAfterMoves() {
    return Math.max(
        leftovers.reaped + leftovers.openStale - leftovers.restartStale + rundowns(),
        snapshots.snapshotStale);
  }

  private int rundowns() {
    return (int) Math.min(Integer.MAX_VALUE, leftovers.rundowns);
  }

  /** Peak sessions held, from RCA or the fullest snapshot. */
  int peakConcurrent() {
    return Math.max(usage.peakOpen, snapshots.snapshotLogons);
  }

  int peakActiveConcurrent() {
    return Math.max(usage.peakActive, snapshots.snapshotRecent);
  }

  long sessionLimitEvents() {
    return tallies.stream().filter(t -> isSession(t)).mapToLong(t -> t.count).sum();
  }

  boolean serviceSessionLimit() {
    return tallies.stream()
        .anyMatch(t -> isSession(t) && t.key.limit() == ExchangeDefaults.SERVICE_SESSIONS_PER_USER);
  }

  List<LimitEventTally> objectTallies() {
    return tallies.stream().filter(t -> !isSession(t)).toList();
  }

  boolean symptomatic() {
    return sessionLimitEvents() > 0 || refusals.rejected > 0;
  }

  /** Examples of the user's Event 9646, all object types. */
  ExampleSample eventExamples() {
    ExampleSample sample = new ExampleSample();
    tallies.forEach(t -> sample.addAll(t.examples));
    return sample;
  }

  /**
   * Whether the refusals could be joined to session evidence held at the time (RCA covering them).
   */
  boolean refusalsCovered() {
    return refusals.worst != null && refusals.worst.covered();
  }

  /** Adds one server's refusals, joined to that server's sessions. */
  void addRefusals(String server, RefusalJoin join) {
    if (join.streams().isEmpty()) {
      return;
    }
    refusals.joins.add(join);
    refusals.refusedAttempts += join.streams().size();
    RefusalJoin.AtRefusal w = join.worst();
    if (w != null && w.outranks(refusals.worst)) {
      refusals.worst = w;
      refusals.worstServer = server;
    }
  }

  boolean hasSessionEvidence() {
    return !usage.sessionServers.isEmpty()
        || snapshots.snapshotLogons > 0
        || refusals.otherFailures > 0
        || refusals.rejected > 0;
  }

  static boolean isSession(LimitEventTally t) {
    return ExchangeDefaults.SESSION_OBJECT_TYPE.equalsIgnoreCase(t.key.objectType());
  }

  /**
   * Adds one server's track, judged with that server's settings.
   *
   * @param server the key the track counts for (its server's, or the named server an address stands
   *     for)
   */
  void add(
      String server, UserTrack t, ServerFacts sf, List<OpenSession> open, Middleboxes middleboxes) {
    if (dn == null || (t.dn != null && t.dn.compareTo(dn) < 0)) {
      dn = t.dn != null ? t.dn : dn;
    }
    if (t.sessionsOpened > 0 || !open.isEmpty()) {
      usage.sessionServers.add(server);
    }
    if (t.peakOpen > usage.peakOpen
        || (t.peakOpen == usage.peakOpen && t.peakOpen > 0 && t.peakAt.isBefore(usage.peakAt))) {
      usage.peakOpen = t.peakOpen;
      usage.peakAt = t.peakAt;
      usage.peakServer = server;
      usage.timeline = t.timeline;
    }
    usage.peakActive = Math.max(usage.peakActive, t.peakActive);
    t.clients.forEachSessions((c, n) -> clients.clientSessions.merge(c, n, Integer::sum));
    clients.foldedClients += t.foldedClients;
    clients.foldedClientSessions += t.foldedClientSessions;

    Set<String> sharedMachines = sharedMachines(t, sf, open);
    int staleHere = 0;
    for (Map.Entry<String, Lingering> e : t.lingeringByAddress().entrySet()) {
      if (middleboxes.isMiddlebox(server, e.getKey())) {
        leftovers.held += e.getValue().held(sf.deadPeerMs());
        middlebox(server, e.getKey());
      } else {
        int r = e.getValue().reaped(sf.deadPeerMs());
        Lingering restarted = t.restartLingeringByAddress().get(e.getKey());
        if (restarted != null && sharedMachines.contains(e.getKey())) {
          r -= restarted.reaped(sf.deadPeerMs());
        } else if (restarted != null) {
          leftovers.restartStale += restarted.reaped(sf.deadPeerMs());
        }
        leftovers.reaped += r;
        staleHere += r;
      }
    }
    // Folded addresses are old VPN or roaming ones, never a middlebox or a shared machine (those
    // stay recent).
    int foldedReaped = t.foldedLingering().reaped(sf.deadPeerMs());
    leftovers.reaped += foldedReaped;
    staleHere += foldedReaped;
    leftovers.restartStale += t.foldedRestartLingering().reaped(sf.deadPeerMs());
    long outlivedMs = sf.deadPeerMs() + Thresholds.reapToleranceMs(sf.deadPeerMs());
    for (OpenSession s : open) {
      if (!s.superseded() || sf.end() == null) {
        continue;
      }
      long after = Duration.between(s.supersededAt, sf.end()).toMillis();
      if (s.client.ip() != null && middleboxes.isMiddlebox(server, s.client.ip())) {
        if (after >= sf.heldMs()) {
          leftovers.held++;
          middlebox(server, s.client.ip());
          leftovers.heldExamples.add(
              new Example(
                  s.start,
                  s.connectRef,
                  "session "
                      + s.id
                      + " from "
                      + s.client.describe()
                      + " still open "
                      + SummaryWording.duration(after)
                      + " after the user started again, at the end of the logs"));
        }
      } else if (after >= Thresholds.CLEAN_CLOSE_WINDOW.toMillis()
          && after <= outlivedMs
          && (s.movedAway || !sharedMachines.contains(UserTrack.address(s)))) {
        // Open longer than keepalive lets a dead client's session live: its client answered the
        // probes.
        leftovers.openStale++;
        staleHere++;
        leftovers.restartStale += s.movedAway ? 0 : 1;
        leftovers.reapedExamples.add(
            new Example(
                s.start,
                s.connectRef,
                "session "
                    + s.id
                    + " from "
                    + s.client.describe()
                    + " still open at the end of the logs, "
                    + SummaryWording.duration(after)
                    + " after the user connected from "
                    + s.supersededBy));
      }
    }
    if (staleHere > 0) {
      leftovers.staleByServer.merge(server, staleHere, Integer::sum);
    }

    clients.addresses += t.addressCount();
    clients.oneTimeAddresses += t.oneTimeAddressCount();

    refusals.rejected += t.rejected;
    refusals.otherFailures += t.otherFailures;
    t.otherFailureStatus().forEach((k, v) -> refusals.otherFailureStatus.merge(k, v, Long::sum));
    leftovers.rundowns += t.rundowns;
    leftovers.endedByRestart += t.endedByRestart;
    if (t.rundowns > 0) {
      leftovers.staleByServer.merge(
          server, (int) Math.min(Integer.MAX_VALUE, t.rundowns), Integer::sum);
    }
    leftovers.rundownExamples.addAll(t.rundownExamples);
    refusals.failureExamples.addAll(t.failureExamples);

    t.otherMailboxes().forEach(clients.otherMailboxes::add);
    clients.otherMailboxCount += t.otherMailboxCount;
    clients.delegateLogons += t.delegateLogons;
    t.clients.forEachSoftware(
        software -> {
          if (ClientSoftware.isServiceLike(software)) {
            clients.serviceSoftware.add(software);
          }
        });
    // The client with the most sessions active at once, the first in key order among equals; a
    // folded one only when no held client has its key.
    ClientKey strongest = t.clients.strongest();
    ClientTable.ClientStats strongestStats =
        strongest == null ? null : t.clients.statsOf(strongest);
    ClientKey folded = t.strongestFoldedClient;
    if (folded != null
        && !t.clients.contains(folded)
        && (strongest == null
            || t.strongestFoldedStats.peakActive() > strongestStats.peakActive()
            || (t.strongestFoldedStats.peakActive() == strongestStats.peakActive()
                && folded.compareTo(strongest) < 0))) {
      strongest = folded;
      strongestStats = t.strongestFoldedStats;
    }
    if (strongest != null && strongestStats.peakActive() > clients.hungryPeak) {
      clients.hungryPeak = strongestStats.peakActive();
      clients.hungryClient = strongest;
      clients.hungryAt = strongestStats.peakAt();
      clients.hungryRef = strongestStats.peakRef();
    }

    leftovers.moved.addAll(t.movedExamples);
    leftovers.reapedExamples.addAll(t.reapedExamples);
    refusals.rejectedExamples.addAll(t.rejectedExamples);
    clients.delegateExamples.addAll(t.delegateExamples);
    for (LogonCaptures.Capture c : t.captures.list()) {
      addCapture(server, c, sf, middleboxes);
    }
  }

  /**
   * Addresses where sessions an Outlook start seemed to leave behind outlived keepalive after that
   * start, ended or still open: the earlier client was alive, so on this machine a new start does
   * not prove the earlier one gone (a second MAPI program or profile, a terminal server).
   * docs/domain.md: a fixed machine with clean disconnects is legitimate concurrency.
   */
  private static Set<String> sharedMachines(UserTrack t, ServerFacts sf, List<OpenSession> open) {
    Set<String> shared = new TreeSet<>();
    t.restartLingeringByAddress()
        .forEach(
            (address, lingering) -> {
              if (lingering.outlived(sf.deadPeerMs()) > 0) {
                shared.add(address);
              }
            });
    if (sf.end() != null) {
      long outlivedMs = sf.deadPeerMs() + Thresholds.reapToleranceMs(sf.deadPeerMs());
      for (OpenSession s : open) {
        if (s.superseded()
            && !s.movedAway
            && Duration.between(s.supersededAt, sf.end()).toMillis() > outlivedMs) {
          shared.add(UserTrack.address(s));
        }
      }
    }
    return shared;
  }

  private void addCapture(
      String server, LogonCaptures.Capture c, ServerFacts sf, Middleboxes middleboxes) {
    long recentMs = Thresholds.RECENTLY_ACTIVE.toMillis();
    List<LogonSnapshot> recent =
        c.rows.stream()
            .filter(r -> r.lastAccess() != null && Middleboxes.idleMs(r) <= recentMs)
            .toList();
    Instant newestFreshLogon =
        recent.stream()
            .map(LogonSnapshot::logonTime)
            .filter(java.util.Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    int stale = 0;
    int heldHere = 0;
    Map<String, Integer> recentPerMachine = new TreeMap<>();
    for (LogonSnapshot r : c.rows) {
      long idle = Middleboxes.idleMs(r);
      if (r.mailbox() != null && !r.mailbox().isBlank() && !r.mailbox().equalsIgnoreCase(user)) {
        rememberMailbox(r.mailbox().toLowerCase(java.util.Locale.ROOT));
      }
      String machine = r.clientIp() != null ? r.clientIp() : r.clientName();
      if (machine != null && idle >= 0 && idle <= recentMs) {
        recentPerMachine.merge(machine, 1, Integer::sum);
      }
      boolean atMiddlebox = r.clientIp() != null && middleboxes.isMiddlebox(server, r.clientIp());
      if (atMiddlebox && idle >= sf.heldMs()) {
        heldHere++;
        middlebox(server, r.clientIp());
        leftovers.heldExamples.add(
            new Example(
                r.time(),
                r.ref(),
                "logon from "
                    + r.clientIp()
                    + " idle "
                    + SummaryWording.duration(idle)
                    + " at capture "
                    + SummaryWording.time(r.time())));
      } else if (!atMiddlebox
          && idle >= Thresholds.SNAPSHOT_STALE_IDLE.toMillis()
          && !recent.isEmpty()
          && (newestFreshLogon == null || r.lastAccess().isBefore(newestFreshLogon))) {
        stale++;
        snapshots.snapshotStaleExamples.add(
            new Example(
                r.time(),
                r.ref(),
                "logon from "
                    + (r.clientIp() != null ? r.clientIp() : r.clientName())
                    + " idle "
                    + SummaryWording.duration(idle)
                    + " beside "
                    + recent.size()
                    + " logons used in the last "
                    + SummaryWording.duration(recentMs)));
      }
    }
    if (c.count > snapshots.snapshotLogons) {
      snapshots.snapshotLogons = c.count;
      snapshots.snapshotAt = c.time;
      snapshots.snapshotServer = server;
    }
    snapshots.snapshotRecent = Math.max(snapshots.snapshotRecent, recent.size());
    snapshots.snapshotStale = Math.max(snapshots.snapshotStale, stale);
    leftovers.held += heldHere;
    for (Map.Entry<String, Integer> e : recentPerMachine.entrySet()) {
      if (e.getValue() > snapshots.hungryMachineCount) {
        snapshots.hungryMachineCount = e.getValue();
        snapshots.hungryMachine = e.getKey();
        snapshots.hungryMachineAt = c.time;
        c.rows.stream()
            .filter(r -> e.getKey().equals(r.clientIp() != null ? r.clientIp() : r.clientName()))
            .findFirst()
            .ifPresent(
                r ->
                    snapshots.snapshotHungryExamples.add(
                        new Example(
                            r.time(),
                            r.ref(),
                            e.getValue()
                                + " logons from "
                                + e.getKey()
                                + " used in the last "
                                + SummaryWording.duration(recentMs)
                                + " at capture "
                                + SummaryWording.time(c.time))));
      }
    }
  }

  private void middlebox(String server, String address) {
    leftovers.middleboxAddresses.add(address);
    if (leftovers.middleboxServer == null || server.compareTo(leftovers.middleboxServer) < 0) {
      leftovers.middleboxServer = server;
    }
  }

  private void rememberMailbox(String mailbox) {
    if (clients.otherMailboxes.add(mailbox)) {
      clients.otherMailboxCount++;
    }
  }

  /** Distinct other mailboxes seen (bounded set or the larger running count). */
  long otherMailboxes() {
    return Math.max(clients.otherMailboxes.size(), clients.otherMailboxCount);
  }
}
