package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.LogonSnapshot;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.SessionEvent.Kind;
import org.mapiscope.model.UserKeys;

/**
 * The server's own logons are noise, never tracked and never a finding (docs/domain.md,
 * docs/diagnosis.md "Noise"); ordinary users with the same pattern are diagnosed.
 */
class NoiseAccountsTest {

  private static final String ORG = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)";
  private static final String CONFIG_DN = ORG + "/cn=Configuration/cn=Servers/cn=EX01";

  /** Identity as logged → its legacyExchangeDN (or {@code null}). */
  private record Account(String identity, String dn) {
    String key() {
      return UserKeys.fromIdentity(dn != null ? dn : identity);
    }
  }

  private static final List<Account> NOISE =
      List.of(
          new Account("NT AUTHORITY\\SYSTEM", null),
          new Account("CONTOSO\\EX01$", null),
          new Account(
              null, ORG + "/cn=Recipients/cn=HealthMailbox0f5b2c6e8d7a4c3b9e1f2a3b4c5d6e7f"),
          new Account(
              null, ORG + "/cn=Recipients/cn=SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}"),
          new Account("CONTOSO\\SM_4b1e2a8c9f0d4e7a8", null),
          new Account(null, CONFIG_DN));

  private static final Account ORDINARY = new Account(null, ORG + "/cn=Recipients/cn=jdoe");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "system | null",
        "nt authority\\system | null",
        "ex01$ | null",
        "EX01$ | null",
        "healthmailbox0f5b2c6e8d7a4c3b9e1f2a3b4c5d6e7f | null",
        "HealthMailbox-EX01-DB01 | null",
        "systemmailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c} | null",
        "sm_4b1e2a8c9f0d4e7a8 | null",
        "extest_5a3b2c | null",
        "discoverysearchmailbox{d919ba05-46a6-415f-80ad-7e09334bb852} | null",
        "federatedemail.4c1f4d8b-8179-4148-93bf-00a95fa1e042 | null",
        "migration.8f3e7716-2011-43e4-96b1-aba62d229136 | null",
        "ex01 | /o=Contoso/ou=Exchange Administrative Group"
            + " (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=EX01",
        "microsoft system attendant | /o=Contoso/ou=First Administrative"
            + " Group/cn=Configuration/cn=Servers/cn=EX01/cn=Microsoft System Attendant",
      })
  void theServersOwnAccountsAreNoise(String user, String dn) {
    assertThat(NoiseAccounts.isNoise(user, dn)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "jdoe | /o=Contoso/ou=Exchange Administrative Group"
            + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe",
        "jdoe | null",
        "smith | null",
        "systems.admin | null",
        "administrator | null",
        "besadmin | null",
        "health | null",
        "null | null",
      })
  void ordinaryUsersAreNot(String user, String dn) {
    assertThat(NoiseAccounts.isNoise(user, dn)).isFalse();
  }

  /**
   * For each account: 15 RCA sessions from one client, all in use, a snapshot with 20 logons in use
   * from one machine, and a refused connect — a session-hungry client for an ordinary user.
   */
  private static List<Evidence> busy(Account a, int idBase) {
    List<Evidence> rca = new ArrayList<>();
    String user = a.key();
    Instant t = Fixture.at(0, 8, 0);
    for (int i = 0; i < 15; i++) {
      String id = Integer.toString(idBase + i);
      rca.add(
          new SessionEvent(
              t.plusSeconds(i),
              "ex01",
              id,
              user,
              a.dn(),
              Kind.CONNECT,
              "Connect",
              "10.0.0.10",
              "MSExchangeRPC",
              "15.1.2507.6",
              "Classic",
              null,
              EvidenceRef.line("RCA_ex01.LOG", 0)));
      rca.add(
          new SessionEvent(
              t.plusSeconds(i),
              "ex01",
              id,
              user,
              a.dn(),
              Kind.ACTIVITY,
              "OwnerLogon",
              null,
              "MSExchangeRPC",
              "15.1.2507.6",
              "Classic",
              a.dn(),
              EvidenceRef.line("RCA_ex01.LOG", 0)));
    }
    rca.add(
        new SessionEvent(
            t.plusSeconds(60),
            "ex01",
            "0",
            user,
            a.dn(),
            Kind.REJECTED,
            "Connect",
            "10.0.0.10",
            "MSExchangeRPC",
            "15.1.2507.6",
            "Classic",
            null,
            EvidenceRef.line("RCA_ex01.LOG", 0),
            "2400 (rpc::MaxSessionsExceeded)"));
    return rca;
  }

  private static List<Evidence> snapshot(Account a) {
    List<Evidence> rows = new ArrayList<>();
    Instant capture = Fixture.at(0, 12, 0);
    for (int i = 0; i < 20; i++) {
      rows.add(
          new LogonSnapshot(
              capture,
              "ex01",
              a.key(),
              a.dn(),
              capture.minusSeconds(3600),
              capture.minusSeconds(30),
              "10.0.0.10",
              "EX01",
              "15.1.2507.6",
              "Classic",
              null,
              "column",
              EvidenceRef.line("logons.csv", i + 1)));
    }
    return rows;
  }

  private static AnalysisResult analyze(List<Account> accounts) {
    List<Evidence> rca = new ArrayList<>();
    List<Evidence> other = new ArrayList<>();
    int base = 100;
    for (Account a : accounts) {
      rca.addAll(busy(a, base));
      base += 100;
      other.addAll(snapshot(a));
    }
    rca.sort(java.util.Comparator.comparing(e -> ((SessionEvent) e).time()));
    Analyzer analyzer = new Analyzer();
    rca.forEach(analyzer::accept);
    other.forEach(analyzer::accept);
    return analyzer.finish(AnalysisOptions.inferAll());
  }

  @Test
  void noiseAccountsAreNeitherTrackedNorDiagnosed() {
    AnalysisResult r = analyze(NOISE);

    assertThat(r.sessions().byUser()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
  }

  @Test
  void anOrdinaryUserWithTheSamePatternIsDiagnosed() {
    List<Account> all = new ArrayList<>(NOISE);
    all.add(ORDINARY);
    AnalysisResult r = analyze(all);

    assertThat(r.sessions().byUser())
        .extracting(SessionSummary.UserSessions::user)
        .containsExactly("jdoe");
    assertThat(r.findings())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.subject()).isEqualTo("jdoe"));
  }

  /**
   * docs/diagnosis.md: their 9646, if any, still count in limitEvents — but they are never a
   * finding (docs/domain.md).
   */
  @Test
  void a9646OfANoiseAccountCountsButMakesNoFinding() {
    Analyzer analyzer = new Analyzer();
    for (Account a : NOISE) {
      analyzer.accept(
          new LimitEvent(
              Fixture.at(0, 9, 0),
              "EX01.contoso.com",
              a.key(),
              a.dn(),
              null,
              null,
              "session",
              32,
              EvidenceRef.record("Application.evtx", 1)));
    }
    AnalysisResult r = analyzer.finish(AnalysisOptions.inferAll());

    assertThat(r.limitEvents().total()).isEqualTo(NOISE.size());
    assertThat(r.findings()).isEmpty();
  }
}
