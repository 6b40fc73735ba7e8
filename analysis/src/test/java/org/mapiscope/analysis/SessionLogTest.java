package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.SessionReplay;

/** The session log: every session once, settled, with the analysis' own notion of "moved on". */
class SessionLogTest {

  /**
   * Collects what the analyzer reports; synchronized because several servers may report at once.
   */
  static final class Collected implements SessionLog {
    final List<ReconstructedSession> sessions = Collections.synchronizedList(new ArrayList<>());
    final List<FailedConnect> refused = Collections.synchronizedList(new ArrayList<>());
    final List<RefusalStream> streams = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void session(ReconstructedSession session) {
      sessions.add(session);
    }

    @Override
    public void failedConnect(FailedConnect connect) {
      refused.add(connect);
    }

    @Override
    public void refusal(RefusalStream stream) {
      streams.add(stream);
    }

    List<ReconstructedSession> of(String user) {
      return sessions.stream().filter(s -> s.user().equals(user)).toList();
    }

    List<ReconstructedSession> ending(SessionReplay.Ending ending) {
      return sessions.stream().filter(s -> s.ending() == ending).toList();
    }
  }

  private static SessionSummary.UserSessions row(AnalysisResult r, String user) {
    return r.sessions().byUser().stream()
        .filter(u -> u.user().equals(user))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void vpnLaptopSessionsLeftBehindCarryTheMoveAndMatchTheStaleCount() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 2);
    Scenarios.deskWorker(f, "ex01", "clean", "10.1.1.7", 2);
    Collected log = new Collected();
    AnalysisResult r = f.analyze(log);

    List<ReconstructedSession> jdoe = log.of("jdoe");
    // 2 days × 8 accepted starts × 4 sessions; the last start of each day is never superseded.
    assertThat(jdoe)
        .hasSize(64)
        .allSatisfy(
            s -> {
              assertThat(s.server()).isEqualTo("ex01");
              assertThat(s.end()).isNotNull().isAfter(s.start());
              assertThat(s.clientSoftware()).isEqualTo(Fixture.OUTLOOK);
              assertThat(s.clientIp()).startsWith("10.8.");
            });
    List<ReconstructedSession> movedOn = jdoe.stream().filter(s -> s.movedOnAt() != null).toList();
    assertThat(movedOn)
        .hasSize(row(r, "jdoe").stale())
        .hasSize(56)
        .allSatisfy(
            s -> {
              assertThat(s.movedOnAt()).isAfter(s.start()).isBefore(s.end());
              assertThat(s.lastActivity()).isBeforeOrEqualTo(s.movedOnAt());
            });
    assertThat(jdoe).extracting(ReconstructedSession::sessionId).doesNotHaveDuplicates();

    assertThat(log.refused)
        .hasSize((int) row(r, "jdoe").rejected())
        .hasSize(16)
        .allSatisfy(c -> assertThat(c.user()).isEqualTo("jdoe"));

    assertThat(log.of("clean"))
        .hasSize(8)
        .allSatisfy(s -> assertThat(s.movedOnAt()).isNull())
        .allSatisfy(s -> assertThat(s.end()).isNotNull());
  }

  @Test
  void sessionsStillOpenAreReportedAtFinishWithoutAnEnd() {
    Fixture f = Scenarios.riverbed(new Fixture(), "ex02", List.of("branch1"));
    Collected log = new Collected();
    Analyzer analyzer = new Analyzer(log);
    f.all().forEach(analyzer::accept);
    assertThat(log.sessions).isEmpty();

    AnalysisResult r = analyzer.finish(AnalysisOptions.inferAll());
    assertThat(log.sessions)
        .hasSize(row(r, "branch1").peakConcurrent())
        .hasSize(32)
        .allSatisfy(s -> assertThat(s.end()).isNull())
        .isSortedAccordingTo(Comparator.comparing(ReconstructedSession::start));
    // Outlook starting again on the same machine supersedes the earlier start; the last start
    // stands.
    assertThat(log.sessions.stream().filter(s -> s.movedOnAt() == null)).hasSize(4);
    assertThat(log.refused).hasSize(4);
  }

  @Test
  void aSessionUsedAgainAfterTheMoveIsNoLongerMovedOn() {
    Fixture f = new Fixture();
    var home = f.start("ex01", "pat", Fixture.at(0, 8, 0), "10.8.0.1", Fixture.OUTLOOK, 2);
    var office = f.start("ex01", "pat", Fixture.at(0, 9, 0), "10.1.1.1", Fixture.OUTLOOK, 2);
    f.use(home, Fixture.at(0, 10, 0));
    f.close(home, Fixture.at(0, 11, 0)).close(office, Fixture.at(0, 17, 0));
    Collected log = new Collected();
    f.analyze(log);
    assertThat(log.of("pat")).hasSize(4).allSatisfy(s -> assertThat(s.movedOnAt()).isNull());
  }

  @Test
  void theLogChangesNothingInTheResult() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 2);
    Scenarios.riverbed(f, "ex02", Scenarios.names("branch", 5));
    Scenarios.registryWithoutKeepAlive(f, "ex01");
    assertThat(f.analyze(new Collected())).isEqualTo(f.analyze());
  }

  @Test
  void partialsTogetherReportWhatOnePassReports() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 1);
    Scenarios.riverbed(f, "ex02", Scenarios.names("branch", 5));
    Map<String, List<Evidence>> files = f.files();
    Collected whole = new Collected();
    Analyzer single = new Analyzer(whole);
    files.values().forEach(list -> list.forEach(single::accept));
    single.finish(AnalysisOptions.inferAll());

    Collected first = new Collected();
    Collected second = new Collected();
    Analyzer a = new Analyzer(first);
    Analyzer b = new Analyzer(second);
    files.forEach((name, list) -> list.forEach(name.contains("ex02") ? b::accept : a::accept));
    a.absorb(b).finish(AnalysisOptions.inferAll());

    List<ReconstructedSession> together = new ArrayList<>(first.sessions);
    together.addAll(second.sessions);
    assertThat(together).containsExactlyInAnyOrderElementsOf(whole.sessions);
    // Sessions open at the end of ex02 were settled by the absorbing analyzer's finish.
    assertThat(second.sessions).isEmpty();
    assertThat(first.refused.size() + second.refused.size()).isEqualTo(whole.refused.size());
  }
}
