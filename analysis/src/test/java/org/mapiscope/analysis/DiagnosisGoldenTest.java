package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SettingValue;

/** Hand-checked cases: evidence in, findings and numbers out, field by field. */
class DiagnosisGoldenTest {

  private static Map<Cause, Finding> causesOf(AnalysisResult r, String subject) {
    return r.findings().stream()
        .filter(f -> f.subject().equals(subject))
        .collect(Collectors.toMap(Finding::cause, f -> f));
  }

  @Test
  void vpnLaptopWithoutKeepAliveGetsDeadSessionsAndServerKeepAliveFinding() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 2);
    Scenarios.registryWithoutKeepAlive(f, "ex01");
    AnalysisResult r = f.analyze();

    assertThat(r.exchange().version()).isEqualTo(ExchangeVersion.EX2010);
    Finding dead = causesOf(r, "jdoe").get(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(causesOf(r, "jdoe").keySet()).containsExactly(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(dead.scope()).isEqualTo(Finding.Scope.USER);
    assertThat(dead.confidence()).isBetween(0.9, 0.95);
    // 2 days × 10 starts × 4 sessions; per day the first 8 starts fit, 2 are refused:
    // 8 × 4 = 32 opened a day, of which the last start's 4 are not superseded by a later connect.
    assertThat(dead.summary())
        .contains("jdoe left 56 sessions", "16 addresses", "not set", "16 times");
    // Each number says what it counts: over the period, or at the refusal.
    assertThat(dead.summary())
        .contains("56 sessions behind on the server over the period of the evidence")
        .containsPattern(
            "When the server refused a connect at \\S+, \\d+ of the \\d+ sessions it held for the"
                + " user");
    assertThat(dead.evidence())
        .hasSizeBetween(3, Thresholds.MAX_EVIDENCE_PER_FINDING)
        .allSatisfy(e -> assertThat(e.file()).isEqualTo("RCA_ex01.LOG"));
    assertThat(dead.remedies())
        .extracting(Remedy::order, Remedy::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Remedy.Action.FIX_CLIENT),
            org.assertj.core.groups.Tuple.tuple(2, Remedy.Action.LOWER_KEEPALIVE));

    Finding server = causesOf(r, "ex01").get(Cause.KEEPALIVE_TOO_LONG);
    assertThat(server.scope()).isEqualTo(Finding.Scope.SERVER);
    assertThat(server.confidence()).isEqualTo(0.85);
    assertThat(server.evidence().get(0).text())
        .isEqualTo("registry export of ex01 without KeepAliveTime");
    FixChange.RegistryDword change =
        (FixChange.RegistryDword) server.remedies().get(0).changes().get(0);
    assertThat(change)
        .isEqualTo(
            new FixChange.RegistryDword(
                "ex01",
                ExchangeDefaults.TCPIP_PARAMETERS_KEY,
                ExchangeDefaults.KEEP_ALIVE_TIME,
                1_800_000L,
                null));
    assertThat(r.recommendations().keepAliveTimeMs()).isEqualTo(1_800_000L);
    assertThat(r.recommendations().sessionLimit()).isEmpty();

    SessionSummary.UserSessions jdoe = r.sessions().byUser().get(0);
    assertThat(jdoe.user()).isEqualTo("jdoe");
    assertThat(jdoe.peakConcurrent()).isEqualTo(32);
    assertThat(jdoe.peakActive()).isEqualTo(4);
    assertThat(jdoe.stale()).isEqualTo(56);
    assertThat(jdoe.rejected()).isEqualTo(16);
    assertThat(jdoe.timeline())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(Thresholds.MAX_TIMELINE_POINTS);
    assertThat(r.limitEvents().total()).isEqualTo(16);
    assertThat(r.limitEvents().byUser().get(0).servers()).containsExactly("ex01");
    assertThat(r.settings())
        .contains(
            new SettingView("ex01", "KeepAliveTime", SettingValue.of("7200000"), "default"),
            new SettingView("ex01", "KeepAliveInterval", SettingValue.of("1000"), "ex01.reg:1"));
  }

  @Test
  void readKeepAliveAboveThirtyMinutesIsReportedWithPreviousValueForRollback() {
    Fixture f =
        Scenarios.vpnLaptop(new Fixture().keepAlive(Duration.ofHours(1)), "ex01", "jdoe", 1);
    f.setting("ex01", ExchangeDefaults.KEEP_ALIVE_TIME, "3600000");
    AnalysisResult r = f.analyze();
    Finding server = causesOf(r, "ex01").get(Cause.KEEPALIVE_TOO_LONG);
    assertThat(server.confidence()).isEqualTo(0.9);
    assertThat(server.evidence().get(0))
        .isEqualTo(new Finding.EvidenceItem("ex01.reg", "line 1", "KeepAliveTime = 3600000"));
    assertThat(
            ((FixChange.RegistryDword) server.remedies().get(0).changes().get(0)).previousValue())
        .isEqualTo(3_600_000L);
  }

  @Test
  void powerUserAboveTheLimitGetsTheSmallestCoveringThrottlingPolicy() {
    AnalysisResult r = Scenarios.powerUser(new Fixture(), "ex01", "ceo", 2).analyze();
    assertThat(causesOf(r, "ceo").keySet()).containsExactly(Cause.LIMIT_BELOW_NEED);
    Finding f = causesOf(r, "ceo").get(Cause.LIMIT_BELOW_NEED);
    assertThat(f.summary()).contains("demand was 33", "limit of 32");
    Remedy raise = f.remedies().get(1);
    assertThat(raise.order()).isEqualTo(3);
    assertThat(raise.changes())
        .containsExactly(new FixChange.ThrottlingPolicy("ceo", "ceo-Sessions", 37, null));
    // demand 33 = 32 in use + 1 refused; margin max(2, ceil(3.3)) = 4
    assertThat(r.recommendations().sessionLimit())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.scope()).isEqualTo(Finding.Scope.ACCOUNT);
              assertThat(l.subject()).isEqualTo("ceo");
              assertThat(l.current()).isEqualTo(32);
              assertThat(l.recommended()).isEqualTo(37);
              assertThat(l.demand()).isEqualTo(33);
              assertThat(l.basis())
                  .contains("32 sessions in use and 1 attempt refused", "margin of 4");
            });
    assertThat(r.recommendations().keepAliveTimeMs()).isNull();
    assertThat(f.facts())
        .isInstanceOfSatisfying(
            FindingFacts.LimitBelowNeed.class,
            facts -> {
              assertThat(facts.demand()).isEqualTo(33);
              assertThat(facts.limit()).isEqualTo(32);
              assertThat(facts.recommended()).isEqualTo(37);
            });
  }

  @Test
  void blackBerryAccountGetsItsOwnPolicySizedToItsDemand() {
    AnalysisResult r = Scenarios.blackBerry(new Fixture(), "ex01", "besadmin", 40).analyze();
    assertThat(causesOf(r, "besadmin").keySet()).containsExactly(Cause.SERVICE_ACCOUNT_NEED);
    Finding f = causesOf(r, "besadmin").get(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(f.scope()).isEqualTo(Finding.Scope.ACCOUNT);
    assertThat(f.summary()).contains("32 other mailboxes", "BlackBerry Messaging Agent", "8 times");
    assertThat(f.remedies())
        .singleElement()
        .satisfies(
            rem -> {
              assertThat(rem.action()).isEqualTo(Remedy.Action.DEDICATED_THROTTLING_POLICY);
              // demand 40 = 32 held + 8 refused at once; margin max(2, ceil(4.0)) = 4; $null only
              // mentioned
              assertThat(rem.changes())
                  .containsExactly(
                      new FixChange.ThrottlingPolicy("besadmin", "BESPolicy", 44, null));
              assertThat(rem.detail()).contains("RCAMaxConcurrency 44", "$null");
            });
    assertThat(r.recommendations().sessionLimit())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.subject()).isEqualTo("besadmin");
              assertThat(l.recommended()).isEqualTo(44);
            });
  }

  @Test
  void blackBerryOnExchange2003IsExemptedByPermission() {
    Fixture f = Scenarios.blackBerry(new Fixture(), "ex01", "besadmin", 40);
    Analyzer a = new Analyzer();
    f.all().forEach(a::accept);
    AnalysisResult r = a.finish(new AnalysisOptions(ExchangeVersion.EX2003, null));
    assertThat(r.exchange())
        .isEqualTo(new VersionVerdict(ExchangeVersion.EX2003, "given by the administrator"));
    Remedy rem = causesOf(r, "besadmin").get(Cause.SERVICE_ACCOUNT_NEED).remedies().get(0);
    assertThat(rem.action()).isEqualTo(Remedy.Action.EXEMPT_SERVICE_ACCOUNT);
    assertThat(rem.detail()).contains("View Information Store Status");
  }

  @Test
  void desktopSearchIndexerIsASessionHungryClientNotDeadSessions() {
    AnalysisResult r = Scenarios.desktopSearch(new Fixture(), "ex01", "asmith").analyze();
    assertThat(causesOf(r, "asmith").keySet()).containsExactly(Cause.SESSION_HUNGRY_CLIENT);
    Finding f = causesOf(r, "asmith").get(Cause.SESSION_HUNGRY_CLIENT);
    assertThat(f.summary())
        .contains("10.1.1.50 (SearchProtocolHost.exe)", "29 active sessions", "not Outlook");
    assertThat(f.remedies()).extracting(Remedy::action).containsExactly(Remedy.Action.FIX_CLIENT);
    assertThat(r.recommendations().sessionLimit()).isEmpty();
  }

  @Test
  void sharedAcceleratorAddressIsAMiddleboxForEveryUserBehindIt() {
    List<String> users = Scenarios.names("branch", 6);
    AnalysisResult r = Scenarios.riverbed(new Fixture(), "ex02", users).analyze();
    for (String u : users) {
      assertThat(causesOf(r, u).keySet()).as(u).containsExactly(Cause.MIDDLEBOX_HOLDING);
      assertThat(causesOf(r, u).get(Cause.MIDDLEBOX_HOLDING).summary())
          .contains("10.9.0.5", "6 users");
    }
    assertThat(r.findings()).noneMatch(x -> x.cause() == Cause.KEEPALIVE_TOO_LONG);
    assertThat(r.recommendations().keepAliveTimeMs()).isNull();
  }

  @Test
  void fewerUsersBehindOneAddressAreNotAMiddlebox() {
    AnalysisResult r =
        Scenarios.riverbed(new Fixture(), "ex02", Scenarios.names("branch", 4)).analyze();
    assertThat(r.findings()).noneMatch(x -> x.cause() == Cause.MIDDLEBOX_HOLDING);
  }

  @Test
  void folderCapEventsAreAnObjectLeakWithAHundredMoreAsLastResort() {
    AnalysisResult r = Scenarios.folderLeak(new Fixture(), "ex01", "mlee").analyze();
    Finding f = causesOf(r, "mlee").get(Cause.OBJECT_LEAK);
    assertThat(f.summary()).contains("12 events for objtFolder (cap 500, the default)", "on ex01");
    assertThat(f.remedies()).extracting(Remedy::order).containsExactly(1, 3);
    assertThat(f.remedies().get(1).changes())
        .containsExactly(
            new FixChange.RegistryDword(
                "ex01",
                ExchangeDefaults.STORE_PARAMETERS_KEY + "\\MaxObjsPerMapiSession",
                "objtFolder",
                600,
                null));
    assertThat(r.limitEvents().byObjectType()).containsExactly(Map.entry("objtFolder", 12L));
  }

  @Test
  void leakedMessagesAreNotRaised() {
    Fixture f =
        new Fixture().objectLimit("EX01", Fixture.at(0, 9, 0), "app", "objtMessage", 250, 3);
    Finding finding = causesOf(f.analyze(), "app").get(Cause.OBJECT_LEAK);
    assertThat(finding.remedies())
        .extracting(Remedy::action)
        .containsExactly(Remedy.Action.FIX_CLIENT);
    assertThat(finding.remedies().get(0).detail()).contains("KB830836");
  }

  @Test
  void cleanServerYieldsNoFindings() {
    Fixture f = new Fixture();
    for (int i = 1; i <= 20; i++) {
      Scenarios.deskWorker(f, "ex03", "clerk" + i, "10.3.0." + i, 3);
    }
    f.setting("ex03", ExchangeDefaults.KEEP_ALIVE_TIME, "1800000");
    AnalysisResult r = f.analyze();
    assertThat(r.findings()).isEmpty();
    assertThat(r.recommendations().keepAliveTimeMs()).isNull();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
    assertThat(r.sessions().byUser())
        .hasSize(20)
        .allSatisfy(
            u -> {
              assertThat(u.peakConcurrent()).isEqualTo(4);
              assertThat(u.stale()).isZero();
              assertThat(u.timeline()).isEmpty();
            });
    assertThat(r.limitEvents().total()).isZero();
  }

  @Test
  void mixedServerGivesEachUserTheirOwnCauseAndLeavesTheHealthyOneAlone() {
    Fixture f = new Fixture();
    Scenarios.vpnLaptop(f, "ex01", "jdoe", 2);
    Scenarios.deskWorker(f, "ex01", "bwhite", "10.1.0.20", 3);
    Scenarios.desktopSearch(f, "ex01", "asmith");
    Scenarios.blackBerry(f, "ex01", "besadmin", 40);
    Scenarios.folderLeak(f, "ex01", "mlee");
    Scenarios.powerUser(f, "ex01", "ceo", 2);
    Scenarios.registryWithoutKeepAlive(f, "ex01");
    Scenarios.riverbed(f, "ex02", Scenarios.names("branch", 6));
    AnalysisResult r = f.analyze();

    assertThat(causesOf(r, "jdoe").keySet()).containsExactly(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(causesOf(r, "asmith").keySet()).containsExactly(Cause.SESSION_HUNGRY_CLIENT);
    assertThat(causesOf(r, "besadmin").keySet()).containsExactly(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causesOf(r, "mlee").keySet()).containsExactly(Cause.OBJECT_LEAK);
    assertThat(causesOf(r, "ceo").keySet()).containsExactly(Cause.LIMIT_BELOW_NEED);
    assertThat(causesOf(r, "branch3").keySet()).containsExactly(Cause.MIDDLEBOX_HOLDING);
    assertThat(causesOf(r, "ex01").keySet()).containsExactly(Cause.KEEPALIVE_TOO_LONG);
    assertThat(causesOf(r, "ex02")).isEmpty();
    assertThat(causesOf(r, "bwhite")).isEmpty();
    assertThat(r.findings().get(r.findings().size() - 1).scope()).isEqualTo(Finding.Scope.SERVER);
    assertThat(r.findings())
        .allSatisfy(
            x -> {
              assertThat(x.evidence())
                  .isNotEmpty()
                  .hasSizeLessThanOrEqualTo(Thresholds.MAX_EVIDENCE_PER_FINDING);
              assertThat(x.remedies())
                  .isSortedAccordingTo(java.util.Comparator.comparingInt(Remedy::order));
            });
    assertThat(r.recommendations().sessionLimit())
        .extracting(Recommendations.SessionLimit::subject)
        .containsExactly("besadmin", "ceo");
  }

  @Test
  void userWithTwoCausesGetsBothStrongestFirst() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 1);
    f.objectLimit("ex01", Fixture.at(0, 11, 0), "jdoe", "objtFolderView", 500, 2);
    List<Finding> mine =
        f.analyze().findings().stream().filter(x -> x.subject().equals("jdoe")).toList();
    assertThat(mine)
        .extracting(Finding::cause)
        .containsExactly(Cause.DEAD_CLIENT_SESSIONS, Cause.OBJECT_LEAK);
    assertThat(mine.get(0).confidence()).isGreaterThan(mine.get(1).confidence());
  }

  @Test
  void exchange2003SnapshotsShowDeadLogonsAndKb324270IsPrescribed() {
    Fixture f = new Fixture().exchange2003();
    var capture = Fixture.at(0, 15, 0);
    for (int i = 0; i < 26; i++) {
      f.snapshot(
          "ex2003",
          capture,
          "jdoe",
          capture.minus(Duration.ofHours(5)),
          capture.minus(Duration.ofMinutes(95)),
          "10.8.5." + i,
          null);
    }
    for (int i = 0; i < 6; i++) {
      f.snapshot(
          "ex2003",
          capture,
          "jdoe",
          capture.minus(Duration.ofMinutes(20)),
          capture.minus(Duration.ofMinutes(2)),
          "10.8.6.1",
          null);
    }
    f.objectLimit("ex2003", capture.plusSeconds(30), "jdoe", "session", 32, 3);
    f.setting("ex2003", ExchangeDefaults.MAX_SESSIONS_PER_USER, "32");
    AnalysisResult r = f.analyze();
    assertThat(r.exchange().version()).isEqualTo(ExchangeVersion.EX2003);
    assertThat(causesOf(r, "jdoe").keySet()).containsExactly(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(causesOf(r, "jdoe").get(Cause.DEAD_CLIENT_SESSIONS).summary())
        .contains("26 logons idle");
    Finding server = causesOf(r, "ex2003").get(Cause.KEEPALIVE_TOO_LONG);
    assertThat(((FixChange.RegistryDword) server.remedies().get(0).changes().get(0)).newValue())
        .isEqualTo(300_000L);
    assertThat(r.recommendations().keepAliveTimeMs()).isEqualTo(300_000L);
    assertThat(r.sessions().byUser().get(0).peakConcurrent()).isEqualTo(32);
  }

  @Test
  void guidOnlyEventsJoinTheUserAnotherEventNames() {
    String guid = "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99";
    Fixture f =
        new Fixture()
            .guidEvent("ex01", Fixture.at(0, 9, 0), guid, null, "objtFolder", 500)
            .guidEvent(
                "ex01",
                Fixture.at(0, 9, 5),
                "0f0f0f0f-0bdb-4c25-baf9-d3ea6bb9af99",
                null,
                "objtFolder",
                500)
            .guidEvent(
                "ex01",
                Fixture.at(0, 9, 10),
                guid,
                "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=JDoe",
                "objtFolder",
                500);
    AnalysisResult r = f.analyze();
    assertThat(r.limitEvents().byUser())
        .extracting(
            LimitEventSummary.UserLimitEvents::user, LimitEventSummary.UserLimitEvents::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("jdoe", 2L),
            org.assertj.core.groups.Tuple.tuple("0f0f0f0f-0bdb-4c25-baf9-d3ea6bb9af99", 1L));
  }

  @Test
  void serviceSessionLimitOfSixteenIsNamedInTheFinding() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex01", "jdoe", 1);
    f.objectLimit("ex01", Fixture.at(0, 12, 0), "jdoe", "session", 16, 2);
    Finding dead = causesOf(f.analyze(), "jdoe").get(Cause.DEAD_CLIENT_SESSIONS);
    assertThat(dead.summary())
        .contains("limit of 16", "Outlook on the web, ActiveSync, EWS, POP, IMAP");
  }
}
