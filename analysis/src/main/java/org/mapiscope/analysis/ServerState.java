package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.model.Connection;
import org.mapiscope.model.LogonSnapshot;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.SessionReplay;

/**
 * Everything learned about one server's sessions: the RCA stream (in time order), logon snapshots
 * and netstat captures. Methods are synchronized: one server's files arrive one after another, so
 * the lock is almost never contended, while different servers proceed in parallel.
 */
final class ServerState implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * netstat captures whose counts are still growing; older ones are already folded into the peaks.
   */
  private static final int OPEN_NETSTAT_CAPTURES = 4;

  final String server;
  final Map<String, UserTrack> users = new HashMap<>();
  private final Map<String, OpenSession> sessions = new HashMap<>();
  boolean sawSessions;
  Instant lastSessionTime;
  long sessionIdReuse;
  final ExampleSample reuseExamples = new ExampleSample();

  /** Highest numeric session id connected since the last restart. */
  private long highestId = -1;

  /** Most ESTABLISHED connections one remote address held in a single netstat capture. */
  final Map<String, Integer> establishedPeak = new HashMap<>();

  private final LinkedHashMap<String, Map<String, Integer>> netstatCaptures = new LinkedHashMap<>();

  /**
   * Where settled sessions and refused connects go; replaced when another analyzer absorbs this
   * state (not serialized: the analyzer that absorbs a partial from elsewhere sets its own).
   */
  private transient SessionLog log;

  ServerState(String server, SessionLog log) {
    this.server = server;
    this.log = log;
  }

  synchronized void logTo(SessionLog log) {
    this.log = log;
  }

  synchronized void accept(SessionEvent e) {
    sawSessions = true;
    Instant previous = lastSessionTime;
    if (lastSessionTime == null || e.time().isAfter(lastSessionTime)) {
      lastSessionTime = e.time();
    }
    switch (e.kind()) {
      case CONNECT -> {
        restartIfIdsStartedAgain(e, previous);
        connect(e);
      }
      case ACTIVITY -> activity(e);
      case DISCONNECT -> disconnect(e);
      case RUNDOWN -> rundown(e);
      case REJECTED -> {
        if (hasUser(e) && !isNoise(e.user(), e.dn())) {
          track(e.user()).reject(e);
          log.failedConnect(
              new FailedConnect(
                  serverOrNull(),
                  e.user(),
                  e.time(),
                  blankToNull(e.clientIp()),
                  blankToNull(e.clientSoftware())));
        }
      }
      case FAILED -> {
        if (hasUser(e) && !isNoise(e.user(), e.dn())) {
          track(e.user()).failed(e);
        }
      }
    }
  }

  /**
   * The service started again: every session it held is gone, with no Disconnect rows
   * (docs/domain.md).
   */
  synchronized void accept(ServiceRestart r) {
    sawSessions = true;
    restart(r.time());
  }

  private void restart(Instant time) {
    highestId = -1;
    List<OpenSession> open = new ArrayList<>(sessions.values());
    open.sort(Comparator.comparing((OpenSession s) -> s.start).thenComparing(s -> s.id));
    sessions.clear();
    for (OpenSession s : open) {
      track(s.user).endedByRestart(s, time);
      log.session(settled(s, time, SessionReplay.Ending.RESTART));
    }
  }

  /**
   * Ids only grow while the service runs; a connect far below the highest one, after the log fell
   * silent for a while (stopping and starting a service takes time), means it started counting
   * again. Without the silence it is another id space in the same log, not a restart.
   */
  private void restartIfIdsStartedAgain(SessionEvent e, Instant previousRow) {
    long id = numericId(e.sessionId());
    if (id < 0) {
      return;
    }
    boolean silence =
        previousRow != null
            && Duration.between(previousRow, e.time()).compareTo(Thresholds.RESTART_MIN_SILENCE)
                >= 0;
    if (silence
        && highestId >= Thresholds.RESTART_MIN_ID
        && id < highestId * Thresholds.RESTART_ID_DROP) {
      restart(e.time());
    }
    highestId = Math.max(highestId, id);
  }

  private static long numericId(String id) {
    if (id.isEmpty() || id.length() > 18) {
      return -1;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    return Long.parseLong(id);
  }

  synchronized void accept(LogonSnapshot row) {
    if (isNoise(row.user(), row.dn())) {
      return;
    }
    track(row.user()).captures.add(row);
  }

  synchronized void accept(Connection c) {
    if (!"ESTABLISHED".equals(c.state())) {
      return;
    }
    String capture = c.time() != null ? c.time().toString() : c.ref().file();
    int n =
        netstatCaptures
            .computeIfAbsent(capture, k -> new HashMap<>())
            .merge(c.remoteIp(), 1, Integer::sum);
    establishedPeak.merge(c.remoteIp(), n, Math::max);
    if (netstatCaptures.size() > OPEN_NETSTAT_CAPTURES) {
      Iterator<String> oldest = netstatCaptures.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /**
   * Takes over another partial's knowledge of this server. Only one of them may have read the
   * server's RCA logs: a session stream cannot be split and stitched without losing order.
   *
   * @throws IllegalArgumentException when both partials reconstructed sessions of this server
   */
  synchronized void absorb(ServerState other) {
    synchronized (other) {
      if (sawSessions && other.sawSessions) {
        throw new IllegalArgumentException(
            "both partials read RCA logs of server "
                + server
                + "; partition session evidence by server");
      }
      if (other.sawSessions) {
        Map<String, UserTrack> mine = new HashMap<>(users);
        users.clear();
        users.putAll(other.users);
        sessions.putAll(other.sessions);
        sawSessions = true;
        lastSessionTime = other.lastSessionTime;
        sessionIdReuse = other.sessionIdReuse;
        reuseExamples.addAll(other.reuseExamples);
        highestId = other.highestId;
        mine.forEach((user, t) -> track(user).captures.addAll(t.captures));
      } else {
        other.users.forEach((user, t) -> track(user).captures.addAll(t.captures));
      }
      other.establishedPeak.forEach((ip, n) -> establishedPeak.merge(ip, n, Math::max));
    }
  }

  synchronized int trackCount() {
    return users.size();
  }

  UserTrack track(String user) {
    return users.computeIfAbsent(user, u -> new UserTrack(server, u));
  }

  private void connect(SessionEvent e) {
    OpenSession previous = sessions.get(e.sessionId());
    if (previous != null) {
      // The id is in use again: the service restarted and forgot the old session.
      sessionIdReuse++;
      reuseExamples.add(
          new Example(
              e.time(),
              e.ref(),
              "session id "
                  + e.sessionId()
                  + " connected again while still open since "
                  + SummaryWording.time(previous.start)
                  + " (service restart or id reuse); the old session is treated as ended here"));
      sessions.remove(previous.id);
      track(previous.user).endedByRestart(previous, e.time());
      log.session(settled(previous, e.time(), SessionReplay.Ending.RESTART));
    }
    if (!hasUser(e)) {
      return;
    }
    // A track that opened sessions already passed the noise check: one map lookup per connect.
    UserTrack track = users.get(e.user());
    if (track == null || track.sessionsOpened == 0) {
      if (isNoise(e.user(), e.dn())) {
        return;
      }
      if (track == null) {
        track = track(e.user());
      }
    }
    ClientKey client =
        new ClientKey(
            blankToNull(e.clientIp()),
            blankToNull(e.clientSoftware()),
            blankToNull(e.clientMode()));
    OpenSession s = track.connect(e, client);
    sessions.put(s.id, s);
  }

  private void activity(SessionEvent e) {
    OpenSession s = sessions.get(e.sessionId());
    if (s == null) {
      if (!hasUser(e) || isNoise(e.user(), e.dn())) {
        return;
      }
      // The log began while this session was already open: it exists from here on.
      connect(e);
      s = sessions.get(e.sessionId());
    }
    track(s.user).activity(s, e);
  }

  private void disconnect(SessionEvent e) {
    OpenSession s = sessions.remove(e.sessionId());
    if (s != null) {
      track(s.user).disconnect(s, e.time(), e.ref());
      log.session(settled(s, e.time(), SessionReplay.Ending.CLIENT));
    }
  }

  private void rundown(SessionEvent e) {
    OpenSession s = sessions.remove(e.sessionId());
    if (s != null) {
      track(s.user).rundown(s, e.time(), e.ref());
      log.session(settled(s, e.time(), SessionReplay.Ending.RUNDOWN));
    }
  }

  /** Reports the sessions open now to the log, as still open at the end of the evidence. */
  synchronized void logOpenSessions() {
    sessions.values().stream()
        .map(s -> settled(s, null, SessionReplay.Ending.OPEN))
        .sorted(
            Comparator.comparing(ReconstructedSession::start)
                .thenComparing(ReconstructedSession::sessionId))
        .forEach(log::session);
  }

  /**
   * The session as it stands now; {@code movedOnAt} is the analysis' own supersession, kept only
   * while unused since.
   */
  private ReconstructedSession settled(OpenSession s, Instant end, SessionReplay.Ending ending) {
    return new ReconstructedSession(
        serverOrNull(),
        s.id,
        s.user,
        s.start,
        s.lastActivity,
        end,
        s.supersededAt,
        s.client.ip(),
        s.client.software(),
        ending);
  }

  private String serverOrNull() {
    return ServerNames.isKnown(server) ? server : null;
  }

  /**
   * Whether anything besides RCA logs (logon snapshots, netstat) was read under this server's key.
   */
  synchronized boolean hasOtherEvidence() {
    return !establishedPeak.isEmpty()
        || users.values().stream().anyMatch(t -> !t.captures.list().isEmpty());
  }

  /** Open sessions of the server at the end, for the end-of-evidence verdicts. */
  synchronized Iterable<OpenSession> openSessions() {
    return List.copyOf(sessions.values());
  }

  /**
   * The server's own accounts are dropped (NoiseAccounts); the verdict is kept per user key, read
   * once.
   */
  private final Map<String, Boolean> noise = new HashMap<>();

  private boolean isNoise(String user, String dn) {
    Boolean known = noise.get(user);
    if (known == null) {
      known = NoiseAccounts.isNoise(user, dn);
      noise.put(user, known);
    }
    return known;
  }

  private static boolean hasUser(SessionEvent e) {
    return e.user() != null && !e.user().isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
