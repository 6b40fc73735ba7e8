package org.mapiscope.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.LogonSnapshot;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;
import org.mapiscope.model.SettingValue;

/**
 * Writes realistic evidence the way a store would have logged it: a small per-user session cap
 * decides which connects succeed (RCA Connect + logon) and which are refused (RCA failed connect +
 * Event 9646); clients close cleanly, vanish (reaped after the dead-peer time) or are held forever.
 * Events get file/line references per server and kind, and come out in time order per file.
 */
final class Fixture {

  static final String OUTLOOK = "OUTLOOK.EXE";
  private Duration deadPeer = Duration.ofMillis(7_200_000L + 10 * 1_000L);
  static final Instant DAY0 = Instant.parse("2026-11-02T00:00:00Z");

  /** The sessions one client start opened. */
  record Start(String server, String user, String ip, String software, List<String> ids) {}

  private record Timed(Instant time, long seq, Evidence evidence) {}

  private final List<Timed> timed = new ArrayList<>();
  private final Map<String, List<Instant>> openEnds = new HashMap<>();
  private long seq;
  private int nextId = 1000;

  static Instant at(int day, int hour, int minute) {
    return DAY0.plus(Duration.ofDays(day))
        .plus(Duration.ofHours(hour))
        .plus(Duration.ofMinutes(minute));
  }

  private String organisation = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)";

  /** Event log Computer per RCA server key, where it is not {@code <SERVER>.contoso.com}. */
  private final Map<String, String> computers = new HashMap<>();

  /** The event logs of the server the RCA logs call {@code rcaServer} name it {@code computer}. */
  Fixture eventLogComputer(String rcaServer, String computer) {
    computers.put(rcaServer, computer);
    return this;
  }

  /** Exchange 2003 evidence: DNs of the pre-2007 default administrative group. */
  Fixture exchange2003() {
    organisation = "/o=Contoso/ou=First Administrative Group";
    return this;
  }

  String dn(String user) {
    return organisation + "/cn=Recipients/cn=" + user;
  }

  /** The server reaps vanished clients after this (KeepAliveTime + 10 probes × 1 s). */
  Fixture keepAlive(Duration keepAliveTime) {
    deadPeer = keepAliveTime.plusSeconds(10);
    return this;
  }

  /** A client start opening {@code sessions} sessions to the user's own mailbox, a second apart. */
  Start start(String server, String user, Instant t, String ip, String software, int sessions) {
    return open(server, user, t, ip, software, sessions, null);
  }

  /** A service opening one session per other mailbox (DelegateLogon), a second apart. */
  Start delegateStart(
      String server, String user, Instant t, String ip, String software, List<String> mailboxes) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < mailboxes.size(); i++) {
      ids.addAll(open(server, user, t.plusSeconds(i), ip, software, 1, mailboxes.get(i)).ids());
    }
    return new Start(server, user, ip, software, ids);
  }

  private Start open(
      String server,
      String user,
      Instant t,
      String ip,
      String software,
      int sessions,
      String mailbox) {
    String key = server + "/" + user;
    List<Instant> ends = openEnds.computeIfAbsent(key, k -> new ArrayList<>());
    List<String> ids = new ArrayList<>();
    int limit = ExchangeDefaults.SESSIONS_PER_USER;
    for (int i = 0; i < sessions; i++) {
      Instant when = t.plusSeconds(i);
      ends.removeIf(end -> end != null && !end.isAfter(when));
      if (ends.size() >= limit) {
        rca(server, when, "0", user, SessionEvent.Kind.REJECTED, "Connect", ip, software, null);
        add(
            when,
            new LimitEvent(
                when,
                computers.getOrDefault(server, server.toUpperCase() + ".contoso.com"),
                user,
                dn(user),
                null,
                null,
                "session",
                limit,
                ref("Application.evtx", EvidenceRef.Kind.RECORD)));
        continue;
      }
      String id = Integer.toString(nextId++);
      rca(server, when, id, user, SessionEvent.Kind.CONNECT, "Connect", ip, software, null);
      rca(
          server,
          when,
          id,
          user,
          SessionEvent.Kind.ACTIVITY,
          mailbox == null ? "OwnerLogon" : "DelegateLogon",
          ip,
          software,
          mailbox == null ? dn(user) : dn(mailbox));
      ends.add(null);
      ids.add(id);
    }
    return new Start(server, user, ip, software, ids);
  }

  /** The client closes its sessions cleanly at {@code t}. */
  Fixture close(Start s, Instant t) {
    return end(s, t);
  }

  /** The client vanished at {@code t}; keepalive reaps its sessions one dead-peer time later. */
  Fixture vanish(Start s, Instant t) {
    return end(s, t.plus(deadPeer));
  }

  /** The client vanished but something keeps its sessions open: they never end. */
  Fixture held(Start s) {
    return this;
  }

  /** The client uses its sessions at {@code t} (an RPC logged on each). */
  Fixture use(Start s, Instant t) {
    for (String id : s.ids()) {
      rca(
          s.server(),
          t,
          id,
          s.user(),
          SessionEvent.Kind.ACTIVITY,
          "Execute",
          s.ip(),
          s.software(),
          null);
    }
    return this;
  }

  private Fixture end(Start s, Instant t) {
    List<Instant> ends = openEnds.get(s.server() + "/" + s.user());
    for (String id : s.ids()) {
      rca(
          s.server(),
          t,
          id,
          s.user(),
          SessionEvent.Kind.DISCONNECT,
          "Disconnect",
          s.ip(),
          s.software(),
          null);
      ends.remove(null);
      ends.add(t);
    }
    return this;
  }

  Fixture objectLimit(String server, Instant t, String user, String type, int limit, int count) {
    for (int i = 0; i < count; i++) {
      Instant when = t.plus(Duration.ofMinutes(7L * i));
      add(
          when,
          new LimitEvent(
              when,
              server,
              user,
              dn(user),
              null,
              null,
              type,
              limit,
              ref("Application.evtx", EvidenceRef.Kind.RECORD)));
    }
    return this;
  }

  /**
   * One Event 9646 of the session cap with no RCA row beside it (the RCA log shows no failed
   * connect).
   */
  Fixture limitEvent(String computer, Instant t, String user, int limit) {
    add(
        t,
        new LimitEvent(
            t,
            computer,
            user,
            dn(user),
            null,
            null,
            "session",
            limit,
            ref("Application.evtx", EvidenceRef.Kind.RECORD)));
    return this;
  }

  /** The RCA row of a connect refused at the session limit, without an Event 9646 beside it. */
  Fixture refusedRow(String server, String user, Instant t, String ip, String software) {
    rca(server, t, "0", user, SessionEvent.Kind.REJECTED, "Connect", ip, software, null);
    return this;
  }

  /**
   * The RCA row of a connect that failed with {@code status} (e.g. {@code 1010 (rpc::LoginPerm)}).
   */
  Fixture failedRow(
      String server, String user, Instant t, String ip, String software, String status) {
    add(
        t,
        new SessionEvent(
            t,
            server,
            "0",
            user,
            dn(user),
            SessionEvent.Kind.FAILED,
            "Connect",
            ip,
            software,
            "14.0.7172.5000",
            "Classic",
            null,
            ref("RCA_" + server + ".LOG", EvidenceRef.Kind.LINE),
            status));
    return this;
  }

  Fixture guidEvent(
      String server, Instant t, String guid, String dnOrNull, String type, int limit) {
    String user = dnOrNull == null ? guid : org.mapiscope.model.UserKeys.fromIdentity(dnOrNull);
    add(
        t,
        new LimitEvent(
            t,
            server,
            user,
            dnOrNull,
            guid,
            null,
            type,
            limit,
            ref("Application.evtx", EvidenceRef.Kind.RECORD)));
    return this;
  }

  Fixture setting(String server, String name, String value) {
    add(
        DAY0,
        new Setting(
            server, name, SettingValue.of(value), ref(server + ".reg", EvidenceRef.Kind.LINE)));
    return this;
  }

  Fixture snapshot(
      String server,
      Instant capture,
      String user,
      Instant logon,
      Instant lastAccess,
      String ip,
      String mailbox) {
    add(
        capture,
        new LogonSnapshot(
            capture,
            server,
            user,
            dn(user),
            logon,
            lastAccess,
            ip,
            "PC-" + ip,
            "14.0.7172",
            "Classic",
            mailbox,
            "column",
            ref("logons-" + server + ".csv", EvidenceRef.Kind.LINE)));
    return this;
  }

  private void rca(
      String server,
      Instant t,
      String id,
      String user,
      SessionEvent.Kind kind,
      String op,
      String ip,
      String software,
      String mailbox) {
    add(
        t,
        new SessionEvent(
            t,
            server,
            id,
            user,
            dn(user),
            kind,
            op,
            ip,
            software,
            "14.0.7172.5000",
            "Classic",
            mailbox,
            ref("RCA_" + server + ".LOG", EvidenceRef.Kind.LINE)));
  }

  private final Map<String, Long> positions = new HashMap<>();

  /** A placeholder reference; real positions are assigned in time order by {@link #files()}. */
  private EvidenceRef ref(String file, EvidenceRef.Kind kind) {
    return new EvidenceRef(file, kind, 0);
  }

  private void add(Instant t, Evidence e) {
    timed.add(new Timed(t, seq++, e));
  }

  /** Evidence per file, each file in time order with line/record numbers counting up. */
  Map<String, List<Evidence>> files() {
    positions.clear();
    Map<String, List<Evidence>> files = new LinkedHashMap<>();
    timed.stream()
        .sorted(Comparator.comparing(Timed::time).thenComparingLong(Timed::seq))
        .forEach(
            t -> {
              EvidenceRef r = t.evidence().ref();
              long position = positions.merge(r.file(), 1L, Long::sum);
              files
                  .computeIfAbsent(r.file(), k -> new ArrayList<>())
                  .add(
                      Renumber.withRef(
                          t.evidence(), new EvidenceRef(r.file(), r.kind(), position)));
            });
    return files;
  }

  /** All evidence, one file after another. */
  List<Evidence> all() {
    List<Evidence> all = new ArrayList<>();
    files().values().forEach(all::addAll);
    return all;
  }

  AnalysisResult analyze() {
    return analyze(SessionLog.NONE);
  }

  /** Analyses with a session log, which hears of every settled session and refused connect. */
  AnalysisResult analyze(SessionLog log) {
    Analyzer analyzer = new Analyzer(log);
    all().forEach(analyzer::accept);
    return analyzer.finish(AnalysisOptions.inferAll());
  }
}
