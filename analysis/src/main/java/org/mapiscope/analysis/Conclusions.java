package org.mapiscope.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.Cause;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.Setting;
import org.mapiscope.model.SettingValue;

/**
 * Turns the streamed state into an {@link AnalysisResult}: facts per server and user, findings,
 * numbers.
 */
final class Conclusions {

  /** Server key → the states read for it: its own and its aliases' (ServerAliases). */
  private final Map<String, List<ServerState>> states = new TreeMap<>();

  private final List<LimitEventTally> tallies;
  private final SettingsBook settings;
  private final VersionVerdict version;
  private final Instant end;
  private final Set<String> knownServers = new TreeSet<>();
  private final boolean onlyServer;

  private final Map<Analyzer.LimitRefusalKey, RefusalPoints> limitRefusals;
  private final Map<String, String> guidNames;
  private final ServerAliases aliases;
  private final long duplicatesDropped;
  private final SessionLog log;
  private final PerUser eachUser;

  Conclusions(
      Map<String, ServerState> states,
      Map<LimitEventTally.Key, LimitEventTally> limits,
      Map<String, String> guidNames,
      SettingsBook settings,
      VersionVerdict version,
      Instant end,
      Map<Analyzer.LimitRefusalKey, RefusalPoints> limitRefusals,
      long duplicatesDropped,
      SessionLog log,
      int threads) {
    this.eachUser = new PerUser(threads);
    this.limitRefusals = limitRefusals;
    this.guidNames = guidNames;
    this.duplicatesDropped = duplicatesDropped;
    this.log = log;
    Set<String> keys = new TreeSet<>(states.keySet());
    limits.values().forEach(t -> keys.addAll(t.servers));
    keys.addAll(settings.servers());
    ServerAliases aliases =
        ServerAliases.of(
            keys,
            FolderNamedServers.of(
                rcaOnly(states, limits, settings), contentPaths(limits, settings)));
    this.aliases = aliases;
    new TreeMap<>(states)
        .forEach(
            (key, state) ->
                this.states
                    .computeIfAbsent(aliases.canonical(key), k -> new ArrayList<>())
                    .add(state));
    this.tallies = resolve(limits, guidNames, aliases);
    this.settings = settings.aliased(aliases);
    this.version = version;
    this.end = end;
    knownServers.addAll(this.states.keySet());
    tallies.forEach(t -> knownServers.addAll(t.servers));
    knownServers.addAll(this.settings.servers());
    knownServers.remove(ServerNames.UNKNOWN);
    this.onlyServer = knownServers.size() == 1;
  }

  AnalysisResult result() {
    Map<String, ServerFacts> servers = serverFacts();
    Middleboxes middleboxes = Middleboxes.find(states, servers);
    List<UserFacts> users = userFacts(servers, middleboxes);
    Prescriptions prescriptions = new Prescriptions(version.version());
    Map<String, Map<String, Integer>> established = new TreeMap<>();
    states.forEach(
        (k, list) -> {
          Map<String, Integer> peaks = new TreeMap<>();
          list.forEach(s -> s.establishedPeak.forEach((ip, n) -> peaks.merge(ip, n, Math::max)));
          established.put(k, Map.copyOf(peaks));
        });
    RuleContext ctx =
        new RuleContext(
            version.version(), servers, middleboxes, established, prescriptions, Set.of());

    List<Finding> findings = new ArrayList<>();
    Map<String, UserFacts> deadUsers = new TreeMap<>();
    List<Recommendations.SessionLimit> limits = new ArrayList<>();
    List<List<Finding>> perUser = new ArrayList<>();
    for (Diagnosis d : eachUser.map(users, u -> diagnosis(u, ctx))) {
      if (d.findings().isEmpty()) {
        continue;
      }
      perUser.add(d.findings());
      if (d.dead()) {
        deadUsers.put(d.user().user, d.user());
      }
      limits.addAll(d.limits());
    }
    perUser.sort(
        Comparator.comparingDouble((List<Finding> l) -> -l.get(0).confidence())
            .thenComparing(l -> l.get(0).subject()));
    perUser.forEach(findings::addAll);

    Long keepAlive = null;
    KeepAliveRule keepAliveRule = new KeepAliveRule(settings, onlyServer);
    for (ServerFacts sf : serversToJudge(servers)) {
      var f =
          keepAliveRule.apply(
              sf, KeepAliveRule.deadUsersOn(sf.server(), deadUsers, onlyServer), prescriptions);
      if (f.isPresent()) {
        findings.add(f.get());
        keepAlive = prescriptions.keepAliveTarget();
      }
    }
    Set<String> withTimeline = new TreeSet<>();
    findings.forEach(f -> withTimeline.add(f.subject()));
    tallies.forEach(t -> withTimeline.add(t.key.user()));
    return new AnalysisResult(
        limitSummary(),
        sessionSummary(users, withTimeline),
        settingViews(),
        findings,
        new Recommendations(keepAlive, mergeLimits(limits)),
        version);
  }

  /** A user's findings, whether dead sessions were found, and the limits the findings size. */
  private record Diagnosis(
      UserFacts user,
      List<Finding> findings,
      boolean dead,
      List<Recommendations.SessionLimit> limits) {}

  private Diagnosis diagnosis(UserFacts u, RuleContext ctx) {
    List<Finding> mine = diagnose(u, ctx);
    boolean dead = false;
    List<Recommendations.SessionLimit> limits = new ArrayList<>();
    for (Finding f : mine) {
      if (f.cause() == Cause.DEAD_CLIENT_SESSIONS && f.confidence() > UndecidedRule.UNDECIDED) {
        dead = true;
      }
      if (f.cause() == Cause.LIMIT_BELOW_NEED && f.confidence() > UndecidedRule.UNDECIDED) {
        LimitBelowNeedRule.demand(u, ctx, true).ifPresent(d -> limits.add(sessionLimit(u, d, ctx)));
      }
      if (f.cause() == Cause.SERVICE_ACCOUNT_NEED && version.version().hasThrottlingPolicies()) {
        ServiceAccountRule.sizing(u, ctx).ifPresent(d -> limits.add(sessionLimit(u, d, ctx)));
      }
    }
    return new Diagnosis(u, mine, dead, limits);
  }

  private List<Finding> diagnose(UserFacts u, RuleContext ctx) {
    List<CauseRule> rules =
        List.of(
            new ObjectLeakRule(settings, onlyServer),
            new ServiceAccountRule(),
            new MiddleboxRule(),
            new HungryClientRule(),
            new DeadClientRule(),
            new LimitBelowNeedRule(),
            new UndecidedRule());
    Set<Cause> found = EnumSet.noneOf(Cause.class);
    List<Finding> mine = new ArrayList<>();
    for (CauseRule rule : rules) {
      rule.apply(u, ctx.withFound(Set.copyOf(found)))
          .ifPresent(
              f -> {
                mine.add(u.serviceSessionLimit() ? withServiceNote(f) : f);
                found.add(f.cause());
              });
    }
    mine.sort(
        Comparator.comparingDouble((Finding f) -> -f.confidence()).thenComparing(Finding::cause));
    return mine;
  }

  private static Finding withServiceNote(Finding f) {
    return new Finding(
        f.scope(),
        f.subject(),
        f.cause(),
        f.confidence(),
        f.summary()
            + " Some events name a limit of "
            + ExchangeDefaults.SERVICE_SESSIONS_PER_USER
            + ": that is the cap for service sessions (Outlook on the web, ActiveSync, EWS, POP,"
            + " IMAP), so those clients are involved too.",
        f.evidence(),
        f.remedies(),
        f.facts());
  }

  private Recommendations.SessionLimit sessionLimit(
      UserFacts u, LimitBelowNeedRule.Demand d, RuleContext ctx) {
    if (version.version().hasThrottlingPolicies()) {
      return new Recommendations.SessionLimit(
          Finding.Scope.ACCOUNT, u.user, d.limit(), d.recommended(), d.basis(), d.demand());
    }
    ServerFacts sf = ctx.serverOf(u);
    return new Recommendations.SessionLimit(
        Finding.Scope.SERVER,
        sf.displayName() == null ? ServerNames.UNKNOWN : sf.displayName(),
        d.limit(),
        d.recommended(),
        d.basis() + " (" + u.user + ")",
        d.demand());
  }

  /** Server-wide limits: one entry per server, the highest recommendation wins. */
  private static List<Recommendations.SessionLimit> mergeLimits(
      List<Recommendations.SessionLimit> limits) {
    Map<String, Recommendations.SessionLimit> byKey = new TreeMap<>();
    for (Recommendations.SessionLimit l : limits) {
      byKey.merge(
          l.scope().json() + "/" + l.subject(),
          l,
          (a, b) -> a.recommended() >= b.recommended() ? a : b);
    }
    return List.copyOf(byKey.values());
  }

  private List<ServerFacts> serversToJudge(Map<String, ServerFacts> servers) {
    List<ServerFacts> list = new ArrayList<>();
    knownServers.forEach(s -> list.add(servers.get(s)));
    if (knownServers.isEmpty() && servers.containsKey(ServerNames.UNKNOWN)) {
      list.add(servers.get(ServerNames.UNKNOWN));
    }
    return list;
  }

  private Map<String, ServerFacts> serverFacts() {
    Map<String, ServerFacts> facts = new TreeMap<>();
    Set<String> keys = new TreeSet<>(knownServers);
    keys.add(ServerNames.UNKNOWN);
    for (String key : keys) {
      Setting kat = settings.get(key, ExchangeDefaults.KEEP_ALIVE_TIME, onlyServer);
      long keepAlive =
          kat == null || kat.numericValue().isEmpty()
              ? ExchangeDefaults.KEEP_ALIVE_TIME_MS
              : kat.numericValue().getAsLong();
      long interval =
          settings
              .number(key, ExchangeDefaults.KEEP_ALIVE_INTERVAL, onlyServer)
              .orElse(ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS);
      Setting limitSetting = settings.get(key, ExchangeDefaults.MAX_SESSIONS_PER_USER, onlyServer);
      int limit =
          tallies.stream()
              .filter(
                  t ->
                      UserFacts.isSession(t)
                          && t.key.limit() != ExchangeDefaults.SERVICE_SESSIONS_PER_USER
                          && t.servers.contains(key))
              .mapToInt(t -> t.key.limit())
              .max()
              .orElse(
                  limitSetting == null || limitSetting.numericValue().isEmpty()
                      ? ExchangeDefaults.SESSIONS_PER_USER
                      : (int) limitSetting.numericValue().getAsLong());
      Instant serverEnd = end != null ? end : lastSessionTime(key);
      facts.put(
          key,
          new ServerFacts(
              key,
              keepAlive,
              kat == null || kat.numericValue().isEmpty() ? null : kat,
              settings.exportSeen(key, onlyServer),
              ExchangeDefaults.deadPeerDetectionMs(
                  keepAlive, interval, ExchangeDefaults.KEEP_ALIVE_PROBES),
              limit,
              limitSetting,
              serverEnd));
    }
    return facts;
  }

  /** The last RCA time read for the server (under any of its keys), or {@code null}. */
  private Instant lastSessionTime(String key) {
    Instant last = null;
    for (ServerState state : states.getOrDefault(key, List.of())) {
      if (state.lastSessionTime != null && (last == null || state.lastSessionTime.isAfter(last))) {
        last = state.lastSessionTime;
      }
    }
    return last;
  }

  /** One server's track of a user, with what judging it needs. */
  private record TrackPart(
      String server, UserTrack track, ServerFacts facts, List<OpenSession> open) {}

  private List<UserFacts> userFacts(Map<String, ServerFacts> servers, Middleboxes middleboxes) {
    // Each user's tracks in server order, then each user's facts on its own: the same adds in the
    // same order as one pass over the servers, so any number of threads gives the same facts.
    Map<String, List<TrackPart>> parts = new TreeMap<>();
    states.forEach(
        (server, list) -> {
          for (ServerState state : list) {
            Map<String, List<OpenSession>> open = new HashMap<>();
            for (OpenSession s : state.openSessions()) {
              open.computeIfAbsent(s.user, k -> new ArrayList<>()).add(s);
            }
            for (UserTrack t : new TreeMap<>(state.users).values()) {
              parts
                  .computeIfAbsent(t.user, k -> new ArrayList<>())
                  .add(
                      new TrackPart(
                          server, t, servers.get(server), open.getOrDefault(t.user, List.of())));
            }
          }
        });
    Map<String, UserFacts> users = new TreeMap<>();
    eachUser
        .map(
            List.copyOf(parts.entrySet()),
            e -> {
              UserFacts u = new UserFacts(e.getKey());
              for (TrackPart p : e.getValue()) {
                u.add(p.server(), p.track(), p.facts(), p.open(), middleboxes);
              }
              return u;
            })
        .forEach(u -> users.put(u.user, u));
    for (LimitEventTally t : tallies) {
      if (NoiseAccounts.isNoise(t.key.user(), t.dn)) {
        continue; // counted in limitEvents; the server's own account is never a finding
        // (docs/domain.md)
      }
      UserFacts u = users.computeIfAbsent(t.key.user(), UserFacts::new);
      u.tallies.add(t);
      if (u.dn == null) {
        u.dn = t.dn;
      }
    }
    joinRefusals(users, servers);
    return List.copyOf(users.values());
  }

  /**
   * Every refusal — RCA refusal rows and Event 9646 of the session cap (the service cap aside:
   * those sessions are not in RCA logs) — joined to the sessions its server held for the user then.
   */
  private void joinRefusals(Map<String, UserFacts> users, Map<String, ServerFacts> servers) {
    Map<String, Map<String, RefusalPoints>> eventPoints = new TreeMap<>();
    limitRefusals.forEach(
        (key, points) -> {
          if (key.limit() == ExchangeDefaults.SERVICE_SESSIONS_PER_USER) {
            return;
          }
          String user = guidNames.getOrDefault(key.user(), key.user());
          if (NoiseAccounts.isNoise(user, null)) {
            return;
          }
          String server = aliases.canonical(key.server());
          if (!ServerNames.isKnown(server)) {
            server = onlyServerWithSessions(user).orElse(server);
          }
          synchronized (points) {
            eventPoints
                .computeIfAbsent(server, k -> new TreeMap<>())
                .computeIfAbsent(user, k -> new RefusalPoints())
                .addAll(points);
          }
        });
    Set<String> serverKeys = new TreeSet<>(states.keySet());
    serverKeys.addAll(eventPoints.keySet());
    for (String server : serverKeys) {
      List<ServerState> list = states.getOrDefault(server, List.of());
      Map<String, List<OpenSession>> open = new HashMap<>();
      Map<String, List<UserTrack>> tracks = new TreeMap<>();
      for (ServerState state : list) {
        for (OpenSession s : state.openSessions()) {
          open.computeIfAbsent(s.user, k -> new ArrayList<>()).add(s);
        }
        state.users.forEach(
            (user, t) -> tracks.computeIfAbsent(user, k -> new ArrayList<>()).add(t));
      }
      Set<String> userKeys = new TreeSet<>(tracks.keySet());
      userKeys.addAll(eventPoints.getOrDefault(server, Map.of()).keySet());
      ServerFacts sf = servers.getOrDefault(server, servers.get(ServerNames.UNKNOWN));
      for (String user : userKeys) {
        List<UserTrack> mine = tracks.getOrDefault(user, List.of());
        RefusalPoints rca = new RefusalPoints();
        mine.forEach(t -> rca.addAll(t.refusals));
        RefusalPoints events = eventPoints.getOrDefault(server, Map.of()).get(user);
        if (events != null) {
          failuresAtA9646(users.get(user), mine, events, rca);
        }
        if (rca.size() == 0 && events == null) {
          continue;
        }
        RefusalJoin join =
            new RefusalJoin(
                server, user, sf, mine, open.getOrDefault(user, List.of()), rca, events);
        join.streams().forEach(log::refusal);
        users.computeIfAbsent(user, UserFacts::new).addRefusals(server, join);
      }
    }
  }

  /**
   * Failed connects logged at the moment of one of the user's 9646 on that server were refusals by
   * the limit, whatever status they carry: they move from the other failures to the refusals.
   */
  private static void failuresAtA9646(
      UserFacts u, List<UserTrack> tracks, RefusalPoints events, RefusalPoints rca) {
    if (u == null) {
      return;
    }
    long[] times = new long[events.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = events.time(i);
    }
    java.util.Arrays.sort(times);
    long window = Thresholds.SAME_MOMENT.toMillis();
    for (UserTrack t : tracks) {
      for (int i = 0; i < t.failedPoints.size(); i++) {
        long at = t.failedPoints.time(i);
        int k = java.util.Arrays.binarySearch(times, at - window);
        int next = k >= 0 ? k : -k - 1;
        if (next < times.length && times[next] <= at + window) {
          rca.add(at, t.failedPoints.client(i));
          u.refusals.rejected++;
          u.refusals.otherFailures--;
          String status = t.failedStatus(i);
          if (status != null) {
            u.refusals.otherFailureStatus.computeIfPresent(status, (s, n) -> n > 1 ? n - 1 : null);
          }
        }
      }
    }
  }

  /** Server keys only RCA logs produced: no setting, 9646, snapshot or netstat names them. */
  private static Set<String> rcaOnly(
      Map<String, ServerState> states,
      Map<LimitEventTally.Key, LimitEventTally> limits,
      SettingsBook settings) {
    Set<String> named = new TreeSet<>(settings.servers());
    limits.values().forEach(t -> named.addAll(t.servers));
    Set<String> only = new TreeSet<>();
    states.forEach(
        (key, state) -> {
          if (state.sawSessions && !named.contains(key) && !state.hasOtherEvidence()) {
            only.add(key);
          }
        });
    return only;
  }

  /** Per server key that content named (registry export, event log), the files that named it. */
  private static Map<String, Set<String>> contentPaths(
      Map<LimitEventTally.Key, LimitEventTally> limits, SettingsBook settings) {
    Map<String, Set<String>> paths = new TreeMap<>();
    settings
        .snapshot()
        .forEach(
            (server, byName) ->
                byName
                    .values()
                    .forEach(
                        s ->
                            paths
                                .computeIfAbsent(server, k -> new TreeSet<>())
                                .add(s.ref().file())));
    for (LimitEventTally t : limits.values()) {
      if (t.servers.size() == 1) {
        String server = t.servers.first();
        t.examples
            .list()
            .forEach(e -> paths.computeIfAbsent(server, k -> new TreeSet<>()).add(e.ref().file()));
      }
    }
    return paths;
  }

  /** The one server whose RCA logs hold sessions of the user, when there is exactly one. */
  private java.util.Optional<String> onlyServerWithSessions(String user) {
    List<String> found = new ArrayList<>();
    states.forEach(
        (server, list) -> {
          if (list.stream().anyMatch(st -> st.users.containsKey(user))) {
            found.add(server);
          }
        });
    return found.size() == 1 ? java.util.Optional.of(found.get(0)) : java.util.Optional.empty();
  }

  private LimitEventSummary limitSummary() {
    long total = 0;
    Map<String, Long> byType = new TreeMap<>();
    Instant first = null;
    Instant last = null;
    List<LimitEventSummary.UserLimitEvents> rows = new ArrayList<>();
    for (LimitEventTally t : tallies) {
      total += t.count;
      byType.merge(t.key.objectType(), t.count, Long::sum);
      first = first == null || t.first.isBefore(first) ? t.first : first;
      last = last == null || t.last.isAfter(last) ? t.last : last;
      rows.add(
          new LimitEventSummary.UserLimitEvents(
              t.key.user(),
              t.dn,
              t.key.objectType(),
              t.key.limit(),
              t.count,
              t.first,
              t.last,
              List.copyOf(t.servers)));
    }
    rows.sort(
        Comparator.comparingLong((LimitEventSummary.UserLimitEvents r) -> -r.count())
            .thenComparing(LimitEventSummary.UserLimitEvents::user)
            .thenComparing(LimitEventSummary.UserLimitEvents::objectType)
            .thenComparingInt(LimitEventSummary.UserLimitEvents::limit));
    Map<String, Long> mostFirst = new LinkedHashMap<>();
    byType.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
    return new LimitEventSummary(total, mostFirst, rows, first, last, duplicatesDropped);
  }

  private SessionSummary sessionSummary(List<UserFacts> users, Set<String> withTimeline) {
    List<SessionSummary.UserSessions> rows = new ArrayList<>();
    for (SessionSummary.UserSessions row :
        eachUser.map(users, u -> u.hasSessionEvidence() ? sessionRow(u, withTimeline) : null)) {
      if (row != null) {
        rows.add(row);
      }
    }
    rows.sort(
        Comparator.comparingInt((SessionSummary.UserSessions r) -> -r.peakConcurrent())
            .thenComparing(SessionSummary.UserSessions::user));
    return new SessionSummary(rows);
  }

  private static SessionSummary.UserSessions sessionRow(UserFacts u, Set<String> withTimeline) {
    List<SessionSummary.ClientUsage> clients =
        u.clients.clientSessions.entrySet().stream()
            .sorted(
                Map.Entry.<ClientKey, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(
                e ->
                    new SessionSummary.ClientUsage(
                        e.getKey().ip(), e.getKey().software(), e.getKey().mode(), e.getValue()))
            .toList();
    boolean chart = withTimeline.contains(u.user) && u.usage.timeline != null;
    Instant peakAt =
        u.usage.peakOpen >= u.snapshots.snapshotLogons ? u.usage.peakAt : u.snapshots.snapshotAt;
    return new SessionSummary.UserSessions(
        u.user,
        u.peakConcurrent(),
        peakAt,
        u.peakActiveConcurrent(),
        u.stale() + u.leftovers.held,
        clients,
        chart ? u.usage.timeline.points(Thresholds.MAX_TIMELINE_POINTS) : List.of(),
        u.refusals.rejected,
        refusals(u),
        clients.size() + u.clients.foldedClients,
        clients.stream().mapToLong(SessionSummary.ClientUsage::sessions).sum()
            + u.clients.foldedClientSessions);
  }

  private static SessionSummary.Refusals refusals(UserFacts u) {
    Map<String, Long> failures = new LinkedHashMap<>();
    u.refusals.otherFailureStatus.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> failures.put(e.getKey(), e.getValue()));
    boolean covered = u.refusalsCovered();
    return new SessionSummary.Refusals(
        u.refusals.refusedAttempts,
        u.refusals.worst == null ? null : u.refusals.worst.at(),
        covered ? u.refusals.worst.open() : -1,
        covered ? u.refusals.worst.alive() : -1,
        u.refusals.otherFailures,
        failures,
        u.leftovers.rundowns,
        u.leftovers.endedByRestart);
  }

  private List<SettingView> settingViews() {
    List<SettingView> views = new ArrayList<>();
    Map<String, Map<String, Setting>> read = settings.snapshot();
    read.forEach((server, byName) -> byName.values().forEach(s -> views.add(view(server, s))));
    Set<String> withEvidence = new TreeSet<>(knownServers);
    if (withEvidence.isEmpty() && (states.containsKey(ServerNames.UNKNOWN) || !tallies.isEmpty())) {
      withEvidence.add(ServerNames.UNKNOWN);
    }
    for (String server : withEvidence) {
      defaultIfAbsent(
          views, server, ExchangeDefaults.KEEP_ALIVE_TIME, ExchangeDefaults.KEEP_ALIVE_TIME_MS);
      defaultIfAbsent(
          views,
          server,
          ExchangeDefaults.KEEP_ALIVE_INTERVAL,
          ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS);
      defaultIfAbsent(
          views,
          server,
          ExchangeDefaults.MAX_SESSIONS_PER_USER,
          ExchangeDefaults.SESSIONS_PER_USER);
      defaultIfAbsent(
          views,
          server,
          ExchangeDefaults.MAX_SERVICE_SESSIONS_PER_USER,
          ExchangeDefaults.SERVICE_SESSIONS_PER_USER);
      Set<String> types = new TreeSet<>();
      tallies.stream()
          .filter(
              t ->
                  !UserFacts.isSession(t)
                      && (t.servers.contains(server)
                          || (t.servers.isEmpty() && (onlyServer || !ServerNames.isKnown(server)))))
          .forEach(t -> types.add(t.key.objectType()));
      for (String type : types) {
        Integer standard = ExchangeDefaults.OBJECT_LIMITS.get(type);
        if (standard != null) {
          defaultIfAbsent(views, server, ExchangeDefaults.objectLimitSetting(type), standard);
        }
      }
    }
    views.sort(
        Comparator.comparing(SettingView::server, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SettingView::name));
    return views;
  }

  /**
   * A value read, or one the export shows absent: then the default applies and the source says why.
   */
  private static SettingView view(String server, Setting s) {
    String shownServer = ServerNames.isKnown(server) ? server : null;
    if (s.isAbsent()) {
      var standard = ExchangeDefaults.defaultValue(s.name());
      SettingValue value =
          standard.isPresent()
              ? new SettingValue.Dword(standard.getAsLong())
              : new SettingValue.Absent();
      return new SettingView(
          shownServer,
          s.name(),
          value,
          source(s.ref())
              + (standard.isPresent() ? " (absent: default applies)" : " (absent: not set)"));
    }
    return new SettingView(shownServer, s.name(), s.value(), source(s.ref()));
  }

  private void defaultIfAbsent(List<SettingView> views, String server, String name, long value) {
    if (settings.get(server, name, onlyServer) == null) {
      views.add(
          new SettingView(
              ServerNames.isKnown(server) ? server : null,
              name,
              new SettingValue.Dword(value),
              SettingView.DEFAULT_SOURCE));
    }
  }

  private static String source(EvidenceRef ref) {
    return ref.kind() == EvidenceRef.Kind.LINE
        ? ref.file() + ":" + ref.position()
        : ref.file() + " " + ref.where();
  }

  /**
   * 9646 tallies with GUID-only users renamed where another event tied the GUID to a user, and
   * servers under the keys they stand for.
   */
  private static List<LimitEventTally> resolve(
      Map<LimitEventTally.Key, LimitEventTally> limits,
      Map<String, String> guidNames,
      ServerAliases aliases) {
    Map<LimitEventTally.Key, LimitEventTally> resolved =
        new TreeMap<>(
            Comparator.comparing(LimitEventTally.Key::user)
                .thenComparing(LimitEventTally.Key::objectType)
                .thenComparingInt(LimitEventTally.Key::limit));
    for (LimitEventTally t : limits.values()) {
      String named = guidNames.get(t.key.user());
      LimitEventTally copy = t.rekeyed(named != null ? named : t.key.user(), aliases);
      resolved.merge(
          copy.key,
          copy,
          (a, b) -> {
            a.addAll(b);
            return a;
          });
    }
    return List.copyOf(resolved.values());
  }
}
