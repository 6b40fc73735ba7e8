package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.SessionEvent;

/** Invariants that must hold for any evidence and any way of feeding it. */
class AnalyzerPropertiesTest {

  /**
   * Several causes on two servers, plus settings and snapshots: a realistic mix to feed in many
   * ways.
   */
  private static final Map<String, List<Evidence>> MIXED = mixed();

  private static Map<String, List<Evidence>> mixed() {
    Fixture f = new Fixture();
    Scenarios.vpnLaptop(f, "ex01", "jdoe", 1);
    Scenarios.desktopSearch(f, "ex01", "asmith");
    Scenarios.powerUser(f, "ex01", "ceo", 1);
    Scenarios.folderLeak(f, "ex01", "mlee");
    Scenarios.registryWithoutKeepAlive(f, "ex01");
    Scenarios.riverbed(f, "ex02", Scenarios.names("branch", 5));
    Scenarios.blackBerry(f, "ex02", "besadmin", 36);
    var capture = Fixture.at(0, 12, 0);
    f.snapshot(
        "ex01",
        capture,
        "jdoe",
        capture.minusSeconds(9000),
        capture.minusSeconds(4000),
        "10.8.0.30",
        null);
    f.snapshot(
        "ex01",
        capture,
        "jdoe",
        capture.minusSeconds(600),
        capture.minusSeconds(60),
        "10.8.0.31",
        null);
    return f.files();
  }

  private static AnalysisResult singlePass(Map<String, List<Evidence>> files) {
    Analyzer a = new Analyzer();
    files.values().forEach(list -> list.forEach(a::accept));
    return a.finish(AnalysisOptions.inferAll());
  }

  @Test
  void mergingPartialsEqualsOnePass() {
    AnalysisResult expected = singlePass(MIXED);
    List<String> names = new ArrayList<>(MIXED.keySet());
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(2, 4))
        .checkAssert(
            (seed, parts) -> {
              Random random = new Random(seed);
              List<Analyzer> partials = new ArrayList<>();
              for (int i = 0; i < parts; i++) {
                partials.add(new Analyzer());
              }
              for (String file : names) {
                // RCA logs of a server stay together; every other file may go anywhere.
                int part =
                    file.startsWith("RCA_")
                        ? Math.floorMod(file.hashCode() + (int) (seed % 7), parts)
                        : random.nextInt(parts);
                MIXED.get(file).forEach(partials.get(part)::accept);
              }
              Analyzer leftFold = partials.get(0);
              for (int i = 1; i < parts; i++) {
                leftFold.absorb(partials.get(i));
              }
              assertThat(leftFold.finish(AnalysisOptions.inferAll())).isEqualTo(expected);
            });
  }

  @Test
  void mergeIsAssociative() {
    List<String> names = new ArrayList<>(MIXED.keySet());
    qt().withExamples(20)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              int[] assignment = names.stream().mapToInt(n -> random.nextInt(3)).toArray();
              AnalysisResult left = split(names, assignment, true);
              AnalysisResult right = split(names, assignment, false);
              assertThat(left).isEqualTo(right);
            });
  }

  private static AnalysisResult split(List<String> names, int[] assignment, boolean leftFirst) {
    Analyzer[] p = {new Analyzer(), new Analyzer(), new Analyzer()};
    for (int i = 0; i < names.size(); i++) {
      MIXED.get(names.get(i)).forEach(p[assignment[i]]::accept);
    }
    Analyzer merged = leftFirst ? p[0].absorb(p[1]).absorb(p[2]) : p[0].absorb(p[1].absorb(p[2]));
    return merged.finish(AnalysisOptions.inferAll());
  }

  @Test
  void anyInterleavingOfFilesGivesTheSameResult() {
    AnalysisResult expected = singlePass(MIXED);
    List<String> names = new ArrayList<>(MIXED.keySet());
    qt().withExamples(30)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              int[] next = new int[names.size()];
              Analyzer a = new Analyzer();
              List<Integer> pending = new ArrayList<>();
              for (int i = 0; i < names.size(); i++) {
                pending.add(i);
              }
              while (!pending.isEmpty()) {
                int pick = pending.get(random.nextInt(pending.size()));
                List<Evidence> file = MIXED.get(names.get(pick));
                int burst = 1 + random.nextInt(50);
                for (int k = 0; k < burst && next[pick] < file.size(); k++) {
                  a.accept(file.get(next[pick]++));
                }
                if (next[pick] == file.size()) {
                  pending.remove(Integer.valueOf(pick));
                }
              }
              assertThat(a.finish(AnalysisOptions.inferAll())).isEqualTo(expected);
            });
  }

  @Test
  void filesFedFromParallelThreadsGiveTheSameResult() throws Exception {
    AnalysisResult expected = singlePass(MIXED);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        Analyzer a = new Analyzer();
        List<Future<?>> futures = new ArrayList<>();
        MIXED.values().forEach(file -> futures.add(pool.submit(() -> file.forEach(a::accept))));
        for (Future<?> f : futures) {
          f.get();
        }
        assertThat(a.finish(AnalysisOptions.inferAll())).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sessionsOfOneServerInTwoPartialsAreRefused() {
    Analyzer a = new Analyzer();
    Analyzer b = new Analyzer();
    List<Evidence> rca = MIXED.get("RCA_ex01.LOG");
    rca.subList(0, 10).forEach(a::accept);
    rca.subList(10, 20).forEach(b::accept);
    assertThatThrownBy(() -> a.absorb(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ex01");
  }

  @Test
  void concurrencyIsNeverNegativeAndPeaksAreConsistent() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(20, 600))
        .checkAssert(
            (seed, n) -> {
              AnalysisResult r = randomStream(seed, n);
              for (SessionSummary.UserSessions u : r.sessions().byUser()) {
                assertThat(u.peakConcurrent()).isGreaterThanOrEqualTo(u.peakActive());
                assertThat(u.peakActive()).isGreaterThanOrEqualTo(0);
                assertThat(u.stale()).isGreaterThanOrEqualTo(0);
                assertThat(u.timeline())
                    .hasSizeLessThanOrEqualTo(Thresholds.MAX_TIMELINE_POINTS)
                    .allSatisfy(
                        p -> {
                          assertThat(p.active()).isBetween(0, p.open());
                          assertThat(p.open()).isLessThanOrEqualTo(u.peakConcurrent());
                        });
                assertThat(u.timeline()).extracting(SessionSummary.TimelinePoint::time).isSorted();
              }
              assertThat(r.findings())
                  .allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
            });
  }

  @Test
  void thinnedTimelineKeepsThePeak() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 5000))
        .checkAssert(
            (seed, n) -> {
              Random random = new Random(seed);
              Timeline t = new Timeline();
              int open = 0;
              int peak = 0;
              Instant time = Fixture.DAY0;
              for (int i = 0; i < n; i++) {
                open = Math.max(0, open + (random.nextBoolean() ? 1 : -1));
                peak = Math.max(peak, open);
                time = time.plusSeconds(1 + random.nextInt(100));
                t.add(time, open, open / 2);
              }
              var points = t.points(Thresholds.MAX_TIMELINE_POINTS);
              assertThat(points).hasSizeLessThanOrEqualTo(Thresholds.MAX_TIMELINE_POINTS);
              assertThat(
                      points.stream().mapToInt(SessionSummary.TimelinePoint::open).max().orElse(0))
                  .isEqualTo(peak);
            });
  }

  /**
   * Random RCA traffic: a few users, addresses and programs, connects, uses, disconnects, refusals.
   */
  private static AnalysisResult randomStream(long seed, int n) {
    Random random = new Random(seed);
    Analyzer a = new Analyzer();
    Instant t = Fixture.DAY0;
    List<String[]> open = new ArrayList<>();
    int id = 1;
    long line = 1;
    String[] users = {"u1", "u2", "u3"};
    String[] ips = {"10.0.0.1", "10.0.0.2", "10.0.0.3", null};
    String[] programs = {"OUTLOOK.EXE", "indexer.exe", null};
    for (int i = 0; i < n; i++) {
      t = t.plusSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(7200));
      int action = random.nextInt(10);
      EvidenceRef ref = EvidenceRef.line("RCA_r.LOG", line++);
      if (action < 4 || open.isEmpty()) {
        String[] s = {
          Integer.toString(random.nextInt(5) == 0 && id > 1 ? random.nextInt(id) : id++),
          users[random.nextInt(users.length)],
          ips[random.nextInt(ips.length)],
          programs[random.nextInt(programs.length)]
        };
        open.add(s);
        a.accept(event(t, s, SessionEvent.Kind.CONNECT, "Connect", ref));
        if (random.nextBoolean()) {
          a.accept(
              event(
                  t,
                  s,
                  SessionEvent.Kind.ACTIVITY,
                  "OwnerLogon",
                  EvidenceRef.line("RCA_r.LOG", line++)));
        }
      } else if (action < 6) {
        a.accept(
            event(
                t,
                open.get(random.nextInt(open.size())),
                SessionEvent.Kind.ACTIVITY,
                "Execute",
                ref));
      } else if (action < 9) {
        a.accept(
            event(
                t,
                open.remove(random.nextInt(open.size())),
                SessionEvent.Kind.DISCONNECT,
                "Disconnect",
                ref));
      } else {
        String user = users[random.nextInt(users.length)];
        a.accept(
            event(
                t,
                new String[] {"0", user, ips[0], programs[0]},
                SessionEvent.Kind.REJECTED,
                "Connect",
                ref));
        a.accept(
            new LimitEvent(
                t,
                "r",
                user,
                null,
                null,
                null,
                "session",
                32,
                EvidenceRef.record("app.evtx", line)));
      }
    }
    return a.finish(AnalysisOptions.inferAll());
  }

  private static SessionEvent event(
      Instant t, String[] s, SessionEvent.Kind kind, String op, EvidenceRef ref) {
    return new SessionEvent(t, "r", s[0], s[1], null, kind, op, s[2], s[3], null, null, null, ref);
  }
}
