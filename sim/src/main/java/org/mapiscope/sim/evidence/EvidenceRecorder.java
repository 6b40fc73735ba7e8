package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import org.mapiscope.sim.SimulationListener;
import org.mapiscope.sim.scenario.InjectedCauses;
import org.mapiscope.sim.scenario.ObjectLeak;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;

/**
 * Turns the run's client starts, ends and service restarts into RCA rows and 9646 events, the way
 * Exchange logs them (docs/domain.md, "RCA logs"):
 *
 * <ul>
 *   <li>each accepted session logs Connect (client-ip and server-ip only there), then OwnerLogon
 *       (DelegateLogon to a served mailbox for service accounts); a client that closes logs Logoff
 *       and Disconnect, a vanished client's session reaped by keepalive logs {@code
 *       NetworkRundown}; sessions still open when the run stops log nothing more, like a log
 *       collected while they were open;
 *   <li>each refused attempt logs a Connect with the session-limit status and one Event 9646, and
 *       the refused client retries about every minute a few times while the user stays at the limit
 *       — each retry another refused Connect and another 9646;
 *   <li>some healthy users' connects fail for other reasons (rpc::LoginPerm on a mailbox they may
 *       not open, rpc::LoginFailure): failures, not refusals, with no 9646;
 *   <li>a service restart drops every session without a row, writes a fresh header block when the
 *       service is back, and session ids start again from 1.
 * </ul>
 *
 * Session ids are the emitter's own, rising with each Connect. Its own random streams (processing
 * times, retries, failures, leaks, GUIDs) leave the simulation's draws, and so its result,
 * untouched.
 */
final class EvidenceRecorder implements SimulationListener {

  /** A refused client tries again after about a minute (Outlook's reconnect), a few times. */
  static final long RETRY_INTERVAL_MS = 60_000L;

  static final long RETRY_JITTER_MS = 5_000L;
  static final int MIN_RETRIES = 2;
  static final int MAX_RETRIES = 4;

  /**
   * Share of healthy users whose connects sometimes fail for reasons other than the limit, and how
   * often.
   */
  static final double FAILURE_PRONE_SHARE = 0.5;

  static final double FAILURES_PER_HOUR = 1.0 / 8;

  /**
   * Session ids at the start of the run: the service has been up a while. A restart starts again at
   * 1.
   */
  static final int FIRST_SESSION_ID_MIN = 10_000;

  static final int FIRST_SESSION_ID_SPREAD = 40_000;

  /** Outlook makes about one call this often while active; seq-number counts calls. */
  private static final long MS_PER_CALL = 30_000L;

  /**
   * Application-id of Outlook's logons on 2013+ (the example row of "Enable ROP logging in Exchange
   * 2010 and 2013").
   */
  private static final String APPLICATION_ID = "Client=MSExchangeRPC";

  private final Scenario scenario;
  private final UserDirectory directory;
  private final ClientProfiles profiles;
  private final int[] popOf;
  private final long[] servedByPopulation;
  private final RcaLog rca;
  private final EventLogXml events;
  private final String fqdn;
  private final int limit;
  private final Map<Long, Open> open = new HashMap<>();
  private final SplittableRandom timing;
  private final SplittableRandom extras;
  private final PoissonSchedule leaks;
  private final PoissonSchedule failures;
  private final PriorityQueue<Retry> retries =
      new PriorityQueue<>(
          (a, b) ->
              a.timeMs != b.timeMs
                  ? Long.compare(a.timeMs, b.timeMs)
                  : Long.compare(a.order, b.order));
  private long retryOrder;

  /**
   * Sessions each user holds now: leaked objects fall inside sessions, retries stop below the
   * limit.
   */
  private final int[] live;

  private final String[] lastAddress;
  private long nextId;
  private long downFrom = -1;
  private long downUntil = -1;

  /**
   * A started client whose accepted sessions are open: how its rows are written and when it was
   * active.
   */
  private record Open(
      RcaLog.Session session,
      long firstId,
      long startMs,
      long lastActivityMs,
      String logonType,
      String requestGuid,
      String cookie) {}

  /** A refused client's next try. */
  private static final class Retry {
    long timeMs;
    long order;
    int user;
    int count;
    int attempt;
    int roundsLeft;

    /** The client vanishes after this (its last activity), and stops retrying with it. */
    long stopAfter;

    RcaLog.Session session;
    String ip;
  }

  EvidenceRecorder(
      Scenario scenario, UserDirectory directory, int[] popOf, RcaLog rca, EventLogXml events) {
    this.scenario = scenario;
    this.directory = directory;
    this.popOf = popOf;
    this.profiles = new ClientProfiles(scenario, popOf);
    this.servedByPopulation = new long[scenario.populations().size()];
    this.rca = rca;
    this.events = events;
    this.fqdn = scenario.server().name() + "." + UserDirectory.DNS_DOMAIN;
    this.limit = scenario.server().sessionLimit();
    this.timing = new SplittableRandom(scenario.seed() ^ 0x9E3779B97F4A7C15L);
    this.extras = new SplittableRandom(scenario.seed() ^ 0xBB67AE8584CAA73BL);
    this.live = new int[popOf.length];
    this.lastAddress = new String[popOf.length];
    List<Population> pops = scenario.populations();
    double[] leakRates = new double[popOf.length];
    double[] failureRates = new double[popOf.length];
    for (int u = 0; u < popOf.length; u++) {
      Population pop = pops.get(popOf[u]);
      ObjectLeak leak = pop.objectLeak();
      leakRates[u] = leak == null ? 0 : leak.perMs();
      boolean healthy =
          pop.kind() == Population.Kind.USER && InjectedCauses.of(pop, scenario.server()).isEmpty();
      boolean prone =
          extras.nextDouble() < FAILURE_PRONE_SHARE; // drawn for every user: stable per index
      failureRates[u] = healthy && prone ? FAILURES_PER_HOUR / 3_600_000.0 : 0;
    }
    this.leaks =
        new PoissonSchedule(leakRates, new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL));
    this.failures =
        new PoissonSchedule(
            failureRates, new SplittableRandom(scenario.seed() ^ 0x3C6EF372FE94F82BL));
    this.nextId = FIRST_SESSION_ID_MIN + extras.nextInt(FIRST_SESSION_ID_SPREAD);
  }

  /**
   * Writes what is left to log before the end of the run (retries, leaks and failures after the
   * last start or end).
   */
  void finish(long durationMs) {
    catchUp(durationMs);
  }

  @Override
  public void clientStarted(
      long timeMs,
      int user,
      long firstSessionId,
      int accepted,
      int rejected,
      long lastActivityMs,
      boolean vanishes) {
    catchUp(timeMs);
    live[user] += accepted;
    Instant at = at(timeMs);
    String key = directory.userKey(user);
    String ip = profiles.addressForStart(user);
    lastAddress[user] = ip;
    RcaLog.Session session = session(user, directory.dnOf(key));
    int p = popOf[user];
    Population pop = scenario.populations().get(p);
    boolean delegate = pop.kind() == Population.Kind.SERVICE_ACCOUNT;
    boolean mapiHttp = ClientProfiles.MAPI_HTTP.equals(session.protocol());
    String requestGuid = mapiHttp ? guid().toUpperCase(Locale.ROOT) : null;
    String cookie = mapiHttp ? cookie() : null;
    try {
      long firstId = nextId;
      for (int i = 0; i < accepted; i++) {
        long id = nextId++;
        RcaLog.Row connect = connectRow(at, id, session, ip, user, 1);
        httpFields(connect, requestGuid, cookie);
        rca.row(connect);
        String mailbox =
            delegate ? directory.mailboxOf(p, pop.mailboxes(), servedByPopulation[p]++) : key;
        RcaLog.Row logon =
            new RcaLog.Row(at, id, 1, session, delegate ? "DelegateLogon" : "OwnerLogon");
        logon.operationSpecific =
            "Logon: "
                + (delegate ? "Delegate" : "Owner")
                + ", "
                + directory.dnOf(mailbox)
                + " in database "
                + database(mailbox)
                + (rca.modern() ? " last mounted on " + fqdn : "")
                + "; LogonId: 0";
        logonFields(logon, requestGuid, cookie);
        rca.row(logon);
      }
      if (accepted > 0) {
        open.put(
            firstSessionId,
            new Open(
                session,
                firstId,
                timeMs,
                lastActivityMs,
                delegate ? "Delegate" : "Owner",
                requestGuid,
                cookie));
      }
      if (rejected > 0) {
        refuse(timeMs, user, session, ip, rejected, 1);
        Retry r = new Retry();
        r.timeMs = timeMs + retryGap();
        r.order = retryOrder++;
        r.user = user;
        r.count = rejected;
        r.attempt = 2;
        r.roundsLeft = extras.nextInt(MIN_RETRIES, MAX_RETRIES + 1);
        r.session = session;
        r.ip = ip;
        r.stopAfter = accepted > 0 && vanishes ? lastActivityMs : Long.MAX_VALUE;
        retries.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void clientEnded(
      long timeMs, int user, long firstSessionId, int sessions, boolean reaped) {
    catchUp(timeMs);
    live[user] -= sessions;
    Open c = open.remove(firstSessionId);
    if (c == null) {
      return; // not ours to log (cannot happen: restarts end no client)
    }
    Instant at = at(timeMs);
    long calls = 2 + (Math.min(c.lastActivityMs(), timeMs) - c.startMs()) / MS_PER_CALL;
    try {
      for (int i = 0; i < sessions; i++) {
        long id = c.firstId() + i;
        if (reaped) {
          // The server ran the dead connection down: no call from the client, no logoff.
          RcaLog.Row rundown = new RcaLog.Row(at, id, calls, c.session(), "NetworkRundown");
          closeFields(rundown, c, calls);
          rca.row(rundown);
        } else {
          RcaLog.Row logoff = new RcaLog.Row(at, id, calls, c.session(), c.logonType() + "Logoff");
          logoff.operationSpecific = "LogonId: 0";
          logonFields(logoff, c.requestGuid(), c.cookie());
          rca.row(logoff);
          RcaLog.Row disconnect = new RcaLog.Row(at, id, calls + 1, c.session(), "Disconnect");
          closeFields(disconnect, c, calls + 1);
          rca.row(disconnect);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void serviceRestarted(long timeMs, long backMs) {
    catchUp(timeMs);
    // Everything the old process held is gone without a row; clients that retried reconnect as new
    // starts.
    Arrays.fill(live, 0);
    open.clear();
    retries.clear();
    nextId = 1;
    downFrom = timeMs;
    downUntil = backMs;
    rca.restarted(at(backMs));
  }

  /** Writes, in time order, the retries, leaks and other failures due before {@code timeMs}. */
  private void catchUp(long timeMs) {
    while (true) {
      long retry = retries.isEmpty() ? Long.MAX_VALUE : retries.peek().timeMs;
      long leak = leaks.nextTime();
      long failure = failures.nextTime();
      long next = Math.min(retry, Math.min(leak, failure));
      if (next >= timeMs) {
        return;
      }
      try {
        if (next == retry) {
          retry(retries.poll());
        } else if (next == leak) {
          int user = leaks.take();
          if (live[user] > 0 && !down(next)) {
            ObjectLeak l = scenario.populations().get(popOf[user]).objectLeak();
            events.limitEvent(
                at(next), directory.dnOf(directory.userKey(user)), l.limit(), l.objectType());
          }
        } else {
          failure(next, failures.take());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A refused client tries again: refused again while the user is still at the limit, else it gives
   * up.
   */
  private void retry(Retry r) throws IOException {
    if (down(r.timeMs) || r.timeMs > r.stopAfter || live[r.user] < limit) {
      // Below the limit the engine, which has no retries, would have to accept it; the client gives
      // up.
      return;
    }
    refuse(r.timeMs, r.user, r.session, r.ip, r.count, r.attempt);
    if (--r.roundsLeft > 0) {
      r.timeMs += retryGap();
      r.order = retryOrder++;
      r.attempt++;
      retries.add(r);
    }
  }

  /** {@code count} Connects refused at the session limit, each with one Event 9646. */
  private void refuse(
      long timeMs, int user, RcaLog.Session session, String ip, int count, int attempt)
      throws IOException {
    Instant at = at(timeMs);
    for (int i = 0; i < count; i++) {
      RcaLog.Row row = connectRow(at, nextId++, session, ip, user, attempt);
      row.rpcStatus = RcaLog.SESSION_LIMIT_STATUS;
      row.failures =
          "RpcDispatch: [SessionLimitException] Unable to make connection to the server. "
              + "(hr=0x80040112, ec=1246)";
      httpFields(
          row,
          ClientProfiles.MAPI_HTTP.equals(session.protocol())
              ? guid().toUpperCase(Locale.ROOT)
              : null,
          null);
      rca.row(row);
      events.sessionLimitEvent(at, session.dn(), limit);
    }
  }

  /**
   * A healthy user's connect that fails for a reason other than the limit: opening a colleague's
   * mailbox it may not (rpc::LoginPerm, logged under that mailbox's name as in the real row), or an
   * authentication failure (rpc::LoginFailure).
   */
  private void failure(long timeMs, int user) throws IOException {
    if (down(timeMs)) {
      return;
    }
    String ip =
        lastAddress[user] != null
            ? lastAddress[user]
            : (lastAddress[user] = profiles.addressForStart(user));
    String key = directory.userKey(user);
    int others = directory.userCount() - 1;
    boolean perm = others > 0 && extras.nextBoolean();
    String sid = profiles.sid(directory.indexOf(key));
    Instant at = at(timeMs);
    RcaLog.Row row;
    if (perm) {
      int target = extras.nextInt(others);
      String targetKey = directory.userKey(target >= user ? target + 1 : target);
      String targetDn = directory.dnOf(targetKey);
      row = connectRow(at, nextId++, session(user, targetDn), ip, user, 1);
      row.rpcStatus = RcaLog.LOGIN_PERM_STATUS;
      row.failures =
          "RpcDispatch: [LoginPermException] 'User SID: "
              + sid
              + "' can't act as owner of a "
              + "UserMailbox object '"
              + targetDn
              + "' with SID "
              + profiles.sid(directory.indexOf(targetKey))
              + " and MasterAccountSid (StoreError=LoginPerm)";
    } else {
      row = connectRow(at, nextId++, session(user, directory.dnOf(key)), ip, user, 1);
      row.rpcStatus = RcaLog.LOGIN_FAILURE_STATUS;
      row.failures =
          "RpcDispatch: [LoginFailureException] Logon failed for '"
              + sid
              + "' (StoreError=LoginFailure)";
    }
    httpFields(
        row,
        ClientProfiles.MAPI_HTTP.equals(row.session.protocol())
            ? guid().toUpperCase(Locale.ROOT)
            : null,
        null);
    rca.row(row);
  }

  private RcaLog.Session session(int user, String dn) {
    String protocol = profiles.protocol(user);
    return new RcaLog.Session(
        dn,
        profiles.software(user),
        profiles.version(user),
        profiles.mode(user),
        protocol,
        directory.userKey(user) + "@" + UserDirectory.DNS_DOMAIN);
  }

  /**
   * A Connect row: the only row of a session with client-ip and server-ip (record-scoped fields).
   */
  private RcaLog.Row connectRow(
      Instant at, long id, RcaLog.Session session, String ip, int user, int attempt) {
    RcaLog.Row row = new RcaLog.Row(at, id, 0, session, "Connect");
    row.clientIp = ip;
    row.serverIp = ClientProfiles.serverIp(session.protocol());
    row.operationSpecific =
        "SID=" + profiles.sid(directory.indexOf(directory.userKey(user))) + ", Flags=None";
    row.processingMs = processingMs();
    if (ClientProfiles.MAPI_HTTP.equals(session.protocol())) {
      row.connectionInfo =
          "Connection Info[GUID:" + guid() + ", Attempts:" + attempt + ", Flags:0, Ctx:]";
    }
    return row;
  }

  /** Logon and logoff rows: the application id is session-scoped from the logon on (2013+). */
  private void logonFields(RcaLog.Row row, String requestGuid, String cookie) {
    row.processingMs = processingMs();
    if (rca.modern()) {
      row.applicationId = APPLICATION_ID;
    }
    httpFields(row, requestGuid, cookie);
  }

  /**
   * The end of a session: 2013+ writes the connection's call statistics (performance-data) there.
   */
  private void closeFields(RcaLog.Row row, Open c, long calls) {
    row.processingMs = processingMs();
    if (rca.modern()) {
      row.applicationId = APPLICATION_ID;
      row.performanceData =
          "ClientRPCCount="
              + calls
              + ";AvgClientLatency=00:00:00;ServerRPCCount="
              + calls
              + ";AvgCasRPCProcessingTime="
              + RcaLog.timeSpan(1 + timing.nextInt(9))
              + ";AvgMbxProcessingTime="
              + RcaLog.timeSpan(1 + timing.nextInt(9))
              + ";MaxCasRPCProcessingTime="
              + RcaLog.timeSpan(20 + timing.nextInt(200))
              + ";ClientRpcFailureData:";
    }
    httpFields(row, c.requestGuid(), c.cookie());
  }

  /**
   * MAPI/HTTP rows carry the request ids of their HTTP request and the session cookie
   * (record-scoped).
   */
  private void httpFields(RcaLog.Row row, String requestGuid, String cookie) {
    if (requestGuid == null) {
      return;
    }
    row.requestIds = "R:{" + requestGuid + "}:" + (row.seq + 1) + "|A:" + guid() + "|FE:" + fqdn;
    if (cookie != null) {
      row.sessionCookie = cookie;
    }
  }

  private long retryGap() {
    return RETRY_INTERVAL_MS - RETRY_JITTER_MS + extras.nextLong(2 * RETRY_JITTER_MS + 1);
  }

  private boolean down(long timeMs) {
    return timeMs >= downFrom && timeMs < downUntil;
  }

  private Instant at(long timeMs) {
    return scenario.start().plusMillis(timeMs);
  }

  private String guid() {
    return new UUID(extras.nextLong(), extras.nextLong()).toString();
  }

  private String cookie() {
    byte[] b = new byte[48];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) extras.nextInt(256);
    }
    return "C:MAPI" + Base64.getEncoder().encodeToString(b);
  }

  /** The mailbox database a mailbox lives in: four databases, by directory index. */
  private String database(String mailboxKey) {
    return "DB0" + (1 + directory.indexOf(mailboxKey) % 4);
  }

  private int processingMs() {
    return timing.nextInt(31);
  }

  /**
   * Engine user index → population index, in the engine's layout: populations in order, users
   * within.
   */
  static int[] populationOfUsers(List<Population> populations) {
    int[] popOf = new int[populations.stream().mapToInt(Population::users).sum()];
    int u = 0;
    for (int p = 0; p < populations.size(); p++) {
      for (int i = 0; i < populations.get(p).users(); i++) {
        popOf[u++] = p;
      }
    }
    return popOf;
  }
}
