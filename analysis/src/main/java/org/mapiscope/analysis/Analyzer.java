package org.mapiscope.analysis;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mapiscope.model.Connection;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.LogonSnapshot;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;
import org.mapiscope.model.UserKeys;

/**
 * Reconstructs sessions, diagnoses and prescribes, consuming evidence as it streams.
 *
 * <p>Feed every {@link Evidence} to {@link #accept(Evidence)}, then call {@link
 * #finish(AnalysisOptions)}. State is kept per (server, user): open sessions and fixed-size
 * aggregates, so memory follows the number of users and open sessions, not the number of events.
 *
 * <p><b>Ordering.</b> A server's RCA events must arrive in time order: its RCA files one after
 * another, each file's events in order. All other evidence (event logs, snapshots, registry,
 * netstat) may arrive in any order and interleaving.
 *
 * <p><b>Thread-safety.</b> {@code accept} is thread-safe, but fastest when one thread feeds one
 * analyzer: state is locked per server (never contended then) and the rest sits in concurrent maps.
 * {@code finish} reads the state without changing it; do not call it while another thread is still
 * feeding evidence.
 *
 * <p><b>Partitions and merging.</b> Evidence may be split over several analyzers — one per reading
 * thread ({@link PartitionedAnalysis}), or one per machine in a fleet job — and the partials
 * combined with {@link #absorb(Analyzer)}. The one rule: all RCA evidence of one server (its {@code
 * SessionEvent}s and {@code ServiceRestart}s, by server key: {@code EX01} and {@code
 * ex01.contoso.com} are one server) goes to one partial, in time order. Everything else — event
 * logs, logon snapshots, netstat, registry — may be split any way and arrive in any order:
 * per-(server, user) tracks, 9646 tallies (copies of one event read by two partials counted once),
 * refusal points, settings and version clues merge associatively and commutatively, so any
 * partitioning and any merge order give the same {@link #finish} result.
 */
public final class Analyzer implements EvidenceSink, Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, ServerState> servers = new ConcurrentHashMap<>();

  /**
   * Servers by the name evidence spells: readers share one name instance per file, so this skips
   * folding the name into its key for every event.
   */
  private final Map<String, ServerState> serversByName = new ConcurrentHashMap<>();

  private final Map<LimitEventTally.Key, LimitEventTally> limits = new ConcurrentHashMap<>();

  /** GUID user keys that an event with both GUID and DN resolved to a named user. */
  private final Map<String, String> guidNames = new ConcurrentHashMap<>();

  /**
   * 9646 of the session cap as refused attempts, by (server key, user key) (docs/domain.md: every
   * 9646 is a refusal).
   */
  private final Map<LimitRefusalKey, RefusalPoints> limitRefusals = new ConcurrentHashMap<>();

  private final LimitEventDedup dedup = new LimitEventDedup();
  private final SettingsBook settings = new SettingsBook();
  private final VersionClues versionClues = new VersionClues();

  /** Not serialized: a partial moved to another machine is absorbed, and logs to its absorber. */
  private transient SessionLog log;

  /** An analyzer that keeps no sessions beyond what the diagnosis needs. */
  public Analyzer() {
    this(SessionLog.NONE);
  }

  /**
   * An analyzer that also reports every reconstructed session, once settled, and every refused
   * connect to {@code log} (see {@link SessionLog} for when and from which threads).
   */
  public Analyzer(SessionLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void accept(Evidence evidence) {
    if (evidence instanceof SessionEvent e) {
      versionClues.session(e);
      server(e.server()).accept(e);
    } else if (evidence instanceof LimitEvent e) {
      limit(e);
    } else if (evidence instanceof ServiceRestart r) {
      server(r.server()).accept(r);
    } else if (evidence instanceof LogonSnapshot s) {
      versionClues.dn(s.dn());
      server(s.server()).accept(s);
    } else if (evidence instanceof Setting s) {
      settings.add(s);
    } else if (evidence instanceof Connection c) {
      server(c.server()).accept(c);
    }
  }

  /**
   * Adds another partial's evidence to this one; the other analyzer must not be used afterwards.
   * The partials may come from disjoint file sets read anywhere (threads, machines), as long as
   * each server's RCA evidence is in one of them (see the class comment). Combining is associative
   * and commutative: any tree of merges over any partitioning finishes like one analyzer fed
   * everything. Sessions the other partial settled went to its own log; those still open go to this
   * analyzer's log from now on.
   *
   * @return this analyzer
   * @throws IllegalArgumentException when both partials read RCA logs of the same server
   */
  public Analyzer absorb(Analyzer other) {
    other.servers.forEach(
        (key, state) ->
            servers.merge(
                key,
                state,
                (mine, theirs) -> {
                  mine.absorb(theirs);
                  return mine;
                }));
    servers.values().forEach(state -> state.logTo(log));
    serversByName.clear();
    other.limits.forEach(
        (key, tally) ->
            limits.merge(
                key,
                tally,
                (mine, theirs) -> {
                  mine.addAll(theirs);
                  return mine;
                }));
    // Copies of one event read by different partials were counted by both: take the extra ones
    // back.
    dedup
        .addAll(other.dedup)
        .forEach(
            (moment, extra) -> {
              LimitEventTally t =
                  limits.get(
                      new LimitEventTally.Key(moment.user(), moment.objectType(), moment.limit()));
              if (t != null) {
                t.remove(extra);
              }
              RefusalPoints points =
                  limitRefusals.get(
                      new LimitRefusalKey(moment.server(), moment.user(), moment.limit()));
              if (points != null) {
                synchronized (points) {
                  points.removeWithin(
                      moment.second() * 1000L, moment.second() * 1000L + 999, extra);
                }
              }
            });
    other.guidNames.forEach(
        (guid, named) -> guidNames.merge(guid, named, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    other.limitRefusals.forEach(
        (key, points) ->
            limitRefusals.merge(
                key,
                points,
                (mine, theirs) -> {
                  synchronized (mine) {
                    mine.addAll(theirs);
                  }
                  return mine;
                }));
    settings.addAll(other.settings);
    versionClues.addAll(other.versionClues);
    return this;
  }

  /**
   * Concludes: sessions per user, findings and remedies, recommendations. Does not change the
   * state, so more evidence may follow and {@code finish} be called again. Reports the sessions
   * still open to the session log first (server by server, each in start order) — on every call, so
   * a caller that finishes twice hears of a still-open session twice.
   */
  public AnalysisResult finish(AnalysisOptions options) {
    return finish(options, 1);
  }

  /**
   * {@link #finish(AnalysisOptions)} with the per-user conclusions (facts, diagnosis, session rows)
   * on up to {@code threads} threads; the result is the same with any number.
   */
  public AnalysisResult finish(AnalysisOptions options, int threads) {
    new TreeMap<>(servers).values().forEach(ServerState::logOpenSessions);
    VersionVerdict version = versionClues.verdict(options.versionHint());
    return new Conclusions(
            Map.copyOf(servers),
            Map.copyOf(limits),
            Map.copyOf(guidNames),
            settings,
            version,
            options.endOfEvidence(),
            Map.copyOf(limitRefusals),
            dedup.dropped(),
            log,
            threads)
        .result();
  }

  /**
   * How many (server, user) tracks the analysis holds: what its memory grows with. Exact when no
   * thread is feeding evidence, an estimate otherwise.
   */
  public long trackCount() {
    long n = 0;
    for (ServerState s : servers.values()) {
      n += s.trackCount();
    }
    return n;
  }

  private void limit(LimitEvent e) {
    versionClues.dn(e.dn());
    String user = e.user().strip().toLowerCase(Locale.ROOT);
    if (e.sessionGuid() != null && e.dn() != null) {
      String named = UserKeys.fromIdentity(e.dn());
      String guid = e.sessionGuid().toLowerCase(Locale.ROOT);
      if (!named.isEmpty() && !named.equals(guid)) {
        guidNames.merge(guid, named, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    String serverKey = ServerNames.key(e.server());
    if (!dedup.firstSight(e, serverKey, user)) {
      return;
    }
    if (e.isSessionLimit()) {
      RefusalPoints points =
          limitRefusals.computeIfAbsent(
              new LimitRefusalKey(serverKey, user, e.limit()), k -> new RefusalPoints());
      synchronized (points) {
        points.add(e.time().toEpochMilli(), null);
      }
    }
    limits
        .computeIfAbsent(
            new LimitEventTally.Key(user, e.objectType(), e.limit()), LimitEventTally::new)
        .add(e, serverKey);
  }

  /** A partial read from another machine logs nowhere until an analyzer absorbs it. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    log = SessionLog.NONE;
    servers.values().forEach(state -> state.logTo(log));
  }

  private ServerState server(String name) {
    if (name == null) {
      return serverByKey(ServerNames.key(null));
    }
    ServerState known = serversByName.get(name);
    if (known == null) {
      known = serverByKey(ServerNames.key(name));
      serversByName.put(name, known);
    }
    return known;
  }

  private ServerState serverByKey(String key) {
    return servers.computeIfAbsent(key, k -> new ServerState(k, log));
  }

  /** Whose refusals a 9646 records: the server that logged it, the user, and the cap it names. */
  record LimitRefusalKey(String server, String user, int limit) implements Serializable {}
}
