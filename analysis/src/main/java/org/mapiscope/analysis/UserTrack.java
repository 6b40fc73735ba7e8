package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.SessionReplay;
import org.mapiscope.model.UserKeys;

/**
 * One user's sessions on one server, rebuilt from the RCA stream as it arrives (in time order).
 * Holds the open sessions and fixed-size aggregates only. Not thread-safe: its {@link ServerState}
 * serialises access.
 */
final class UserTrack implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Key of {@link #lingeringByAddress()} for sessions whose client address was not logged. */
  static final String UNKNOWN_ADDRESS = "";

  final String server;
  final String user;
  String dn;

  /** The open sessions by id, in the order they opened; made with the first, dropped when none. */
  private Map<String, OpenSession> open;

  int active;
  int peakOpen;
  Instant peakAt;
  int peakActive;
  long sessionsOpened;

  /** Sessions a service restart ended (no Disconnect for them: the service forgot them). */
  long endedByRestart;

  /** Sessions the server ran down (NetworkRundown): their clients were gone. */
  long rundowns;

  /** Connects refused by the session limit (RCA rows). */
  long rejected;

  /** Connects that failed for other reasons (permission, authentication, network): not refusals. */
  long otherFailures;

  /** Other failures by status as logged, bounded; made with the first failure. */
  private FailureStatuses failureStatuses;

  /**
   * Clients let go of (a client seen again after that counts again), and the sessions they had
   * opened.
   */
  int foldedClients;

  long foldedClientSessions;

  /**
   * The folded client with the most sessions active at once: a session-hungry program is never
   * lost.
   */
  ClientKey strongestFoldedClient;

  ClientTable.ClientStats strongestFoldedStats;

  final ClientTable clients = new ClientTable(Thresholds.MAX_TRACKED_CLIENTS, this::foldClient);
  final AddressDays addresses = new AddressDays(Thresholds.MAX_TRACKED_ADDRESSES);

  /** Ended superseded sessions by the address they came from; made with the first. */
  private LingeringAddresses lingering;

  /** Other mailboxes logged on to, bounded; made with the first. */
  private TreeSet<String> otherMailboxes;

  long otherMailboxCount;
  long delegateLogons;

  final Timeline timeline = new Timeline();

  /**
   * Ended sessions, recorded from the first time the user held {@link Thresholds#HISTORY_FLOOR} at
   * once; null until then (most users never do).
   */
  SessionHistory history;

  final RefusalPoints refusals = new RefusalPoints();

  // Examples of each kind, each made with its first (null until then: most tracks have few kinds).
  ExampleSample movedExamples;
  ExampleSample reapedExamples;
  ExampleSample rejectedExamples;
  ExampleSample delegateExamples;
  ExampleSample rundownExamples;
  ExampleSample failureExamples;

  final LogonCaptures captures = new LogonCaptures();

  UserTrack(String server, String user) {
    this.server = server;
    this.user = user;
  }

  int openCount() {
    return open == null ? 0 : open.size();
  }

  Collection<OpenSession> openSessions() {
    return open == null ? List.of() : open.values();
  }

  /** Other failures by status, in the order of the statuses. */
  Map<String, Long> otherFailureStatus() {
    return failureStatuses == null ? Map.of() : failureStatuses.counts();
  }

  /**
   * The status of {@link #failedPoints} point {@code i}, or null beyond the statuses counted in
   * {@link #otherFailureStatus}.
   */
  String failedStatus(int i) {
    return failureStatuses.pointStatus(i);
  }

  /**
   * Ended superseded sessions by address (recent ones; the rest are in {@link #foldedLingering}).
   */
  Map<String, Lingering> lingeringByAddress() {
    return lingering == null ? Map.of() : lingering.all;
  }

  /** The subset superseded by a new start on the same machine. */
  Map<String, Lingering> restartLingeringByAddress() {
    return lingering == null ? Map.of() : lingering.restarted;
  }

  /** What {@link #lingeringByAddress} let go of. */
  Lingering foldedLingering() {
    return lingering == null ? new Lingering() : lingering.folded;
  }

  /** What {@link #restartLingeringByAddress} let go of. */
  Lingering foldedRestartLingering() {
    return lingering == null ? new Lingering() : lingering.foldedRestarted;
  }

  /** Other mailboxes logged on to, in order. */
  Set<String> otherMailboxes() {
    return otherMailboxes == null ? Set.of() : otherMailboxes;
  }

  OpenSession connect(SessionEvent e, ClientKey client) {
    rememberDn(e);
    supersedeMovedAway(e.time(), client, e.ref());
    OpenSession s = new OpenSession(e.sessionId(), user, e.time(), client, e.ref());
    if (open == null) {
      open = new LinkedHashMap<>();
    }
    open.put(s.id, s);
    active++;
    sessionsOpened++;
    clients.connected(clients.getOrAdd(client), e.time(), e.ref());
    countAddressDay(client.ip(), e.time());
    changed(e.time());
    return s;
  }

  void activity(OpenSession s, SessionEvent e) {
    s.lastActivity = e.time();
    if (s.superseded()) {
      reactivate(s);
      changed(e.time());
    }
    boolean firstLogon = !s.logonSeen && isLogon(e.operation());
    if (isLogon(e.operation())) {
      s.logonSeen = true;
    }
    String mailbox = e.mailbox() == null ? null : UserKeys.fromIdentity(e.mailbox());
    boolean delegate =
        "DelegateLogon".equalsIgnoreCase(e.operation())
            || (mailbox != null && !mailbox.isEmpty() && !mailbox.equals(user));
    if (delegate) {
      s.delegate = true;
      delegateLogons++;
      if (mailbox != null && !mailbox.isEmpty() && !mailbox.equals(user)) {
        rememberMailbox(mailbox);
      }
      delegateExamples =
          ExampleSample.with(
              delegateExamples,
              new Example(e.time(), e.ref(), new ExampleText.OtherMailboxLogon(mailbox, s.client)));
    } else if (firstLogon && ClientSoftware.isOutlookOrUnknown(s.client.software())) {
      supersedeRestarted(s, e.time(), e.ref());
    }
  }

  void disconnect(OpenSession s, Instant time, EvidenceRef ref) {
    close(s, time, SessionReplay.Ending.CLIENT);
    if (s.supersededAt != null) {
      long afterMove = Duration.between(s.supersededAt, time).toMillis();
      long idle = Duration.between(s.lastActivity, time).toMillis();
      String address = address(s);
      if (lingering == null) {
        lingering = new LingeringAddresses();
      }
      lingering.add(address, !s.movedAway, idle, afterMove);
      if (afterMove >= Thresholds.CLEAN_CLOSE_WINDOW.toMillis()) {
        reapedExamples =
            ExampleSample.with(
                reapedExamples,
                new Example(
                    time,
                    ref,
                    new ExampleText.ReapedSession(
                        s.id, s.client, afterMove, s.supersededBy, idle)));
      }
    }
    changed(time);
  }

  /** The service restarted: it forgot the session, no Disconnect row follows (docs/domain.md). */
  void endedByRestart(OpenSession s, Instant time) {
    close(s, time, SessionReplay.Ending.RESTART);
    endedByRestart++;
    changed(time);
  }

  /**
   * NetworkRundown: the server ended a session whose connection had died. Its client was gone from
   * its last activity on, so it was a leftover, not demand, since then (the keepalive signature).
   */
  void rundown(OpenSession s, Instant time, EvidenceRef ref) {
    close(s, time, SessionReplay.Ending.RUNDOWN);
    rundowns++;
    long idle = Duration.between(s.lastActivity, time).toMillis();
    rundownExamples =
        ExampleSample.with(
            rundownExamples,
            new Example(time, ref, new ExampleText.RunDownSession(s.id, s.client, idle)));
    changed(time);
  }

  /** A connect refused by the session limit: one point of the user's attempt stream. */
  void reject(SessionEvent e) {
    rememberDn(e);
    rejected++;
    ClientKey client = new ClientKey(e.clientIp(), e.clientSoftware(), e.clientMode());
    refusals.add(e.time().toEpochMilli(), client);
    rejectedExamples =
        ExampleSample.with(
            rejectedExamples,
            new Example(
                e.time(),
                e.ref(),
                new ExampleText.RefusedConnect(client, e.status(), openCount())));
  }

  /** A connect that failed for a reason other than the limit: listed, never taken for demand. */
  void failed(SessionEvent e) {
    rememberDn(e);
    otherFailures++;
    String status = e.status() == null ? "unknown status" : e.status();
    if (failureStatuses == null) {
      failureStatuses = new FailureStatuses();
    }
    int statusIndex = failureStatuses.count(status);
    ClientKey client = new ClientKey(e.clientIp(), e.clientSoftware(), e.clientMode());
    failureExamples =
        ExampleSample.with(
            failureExamples,
            new Example(e.time(), e.ref(), new ExampleText.FailedConnect(client, status)));
    if (failedPoints.size() < Thresholds.MAX_FAILURE_POINTS) {
      failedPoints.add(e.time().toEpochMilli(), client);
      failureStatuses.point(statusIndex);
    }
  }

  /**
   * Failed connects as points, with their status (or {@code null} beyond the listed kinds): one at
   * the moment of a 9646 for the user was the limit after all, whatever status it logged
   * (docs/domain.md) .
   */
  final RefusalPoints failedPoints = new RefusalPoints();

  /** A connect from another address: the client of older, silent sessions has moved on. */
  private void supersedeMovedAway(Instant time, ClientKey newClient, EvidenceRef ref) {
    if (newClient.ip() == null) {
      return;
    }
    for (OpenSession s : openSessions()) {
      if (!s.superseded() && s.client.ip() != null && !s.client.ip().equals(newClient.ip())) {
        supersede(s, time, newClient.ip());
        s.movedAway = true;
        movedExamples =
            ExampleSample.with(
                movedExamples,
                new Example(time, ref, new ExampleText.MovedAway(newClient, s.client, s.id)));
      }
    }
  }

  /**
   * Outlook logged on again from the same machine while sessions of an earlier start sat silent:
   * the earlier Outlook is gone (it runs once per machine), its sessions are left behind.
   */
  private void supersedeRestarted(OpenSession fresh, Instant time, EvidenceRef ref) {
    Instant quietSince = time.minus(Thresholds.START_GAP);
    for (OpenSession s : openSessions()) {
      if (s != fresh
          && !s.superseded()
          && s.client.sameProgram(fresh.client)
          && s.start.isBefore(quietSince)
          && s.lastActivity.isBefore(quietSince)) {
        supersede(s, time, fresh.client.ip() + " (a new start)");
        movedExamples =
            ExampleSample.with(
                movedExamples,
                new Example(
                    time, ref, new ExampleText.NewStart(fresh.client, s.id, s.lastActivity)));
      }
    }
    changed(time);
  }

  private void supersede(OpenSession s, Instant time, String by) {
    s.supersededAt = time;
    s.supersededBy = by;
    active--;
    clients.deactivated(clients.get(s.client));
  }

  private void reactivate(OpenSession s) {
    s.movedAway = false;
    s.supersededAt = null;
    s.supersededBy = null;
    active++;
    clients.reactivated(clients.get(s.client));
  }

  private void close(OpenSession s, Instant time, SessionReplay.Ending ending) {
    if (history != null) {
      history.add(s, time.toEpochMilli(), ending);
    }
    if (open != null && open.remove(s.id) != null && open.isEmpty()) {
      open = null;
    }
    clients.closed(clients.get(s.client), !s.superseded());
    if (!s.superseded()) {
      active--;
    }
  }

  /** Addresses this user connected from, folded ones included. */
  int addressCount() {
    return addresses.count();
  }

  /**
   * Of those, addresses used on a single day only (VPN pools, roaming); a folded address seen again
   * counts anew.
   */
  int oneTimeAddressCount() {
    return addresses.oneTimeCount();
  }

  private void foldClient(ClientKey client, ClientTable.ClientStats stats) {
    foldedClients++;
    foldedClientSessions += stats.sessions();
    if (strongestFoldedStats == null || stats.peakActive() > strongestFoldedStats.peakActive()) {
      strongestFoldedClient = client;
      strongestFoldedStats = stats;
    }
  }

  private void changed(Instant time) {
    int openNow = openCount();
    if (openNow > peakOpen) {
      peakOpen = openNow;
      peakAt = time;
    }
    peakActive = Math.max(peakActive, active);
    timeline.add(time, openNow, active);
    if (openNow >= Thresholds.HISTORY_FLOOR) {
      if (history == null) {
        history = new SessionHistory();
      }
      history.startRecording(time.toEpochMilli());
    }
  }

  private void countAddressDay(String ip, Instant time) {
    if (ip == null) {
      return;
    }
    addresses.count(ip, Math.floorDiv(time.getEpochSecond(), 86_400L));
  }

  /** The first legacyExchangeDN logged for the user is the one reports show. */
  private void rememberDn(SessionEvent e) {
    if (dn == null && e.dn() != null) {
      dn = e.dn();
    }
  }

  void rememberMailbox(String mailbox) {
    if (otherMailboxes == null) {
      otherMailboxes = new TreeSet<>();
    }
    if (otherMailboxes.contains(mailbox)) {
      return;
    }
    otherMailboxCount++;
    if (otherMailboxes.size() < Thresholds.MAX_TRACKED_MAILBOXES) {
      otherMailboxes.add(mailbox);
    }
  }

  static String address(OpenSession s) {
    return s.client.ip() == null ? UNKNOWN_ADDRESS : s.client.ip();
  }

  private static boolean isLogon(String operation) {
    return operation != null
        && operation.regionMatches(true, operation.length() - 5, "logon", 0, 5);
  }
}
