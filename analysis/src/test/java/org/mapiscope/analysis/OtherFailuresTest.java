package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Only the limit refuses sessions (docs/domain.md): connects failing for permission, authentication
 * or network reasons are listed, never taken for demand — unless a 9646 for the user marks that
 * moment.
 */
class OtherFailuresTest {

  private static final String LOGIN_PERM = "1010 (rpc::LoginPerm)";

  @Test
  void sixtyLoginPermFailuresAreNoDemandAndNoFinding() {
    Fixture f = new Fixture();
    f.start("ex01", "lena", Fixture.at(0, 8, 0), "10.1.0.7", Fixture.OUTLOOK, 3);
    for (int i = 0; i < 60; i++) {
      f.failedRow("ex01", "lena", Fixture.at(0, 9, i), "10.1.0.7", Fixture.OUTLOOK, LOGIN_PERM);
    }
    AnalysisResult r = f.analyze();

    assertThat(r.findings()).isEmpty();
    assertThat(r.recommendations().sessionLimit()).isEmpty();
    SessionSummary.UserSessions lena = r.sessions().byUser().get(0);
    assertThat(lena.rejected()).isZero();
    assertThat(lena.refusals().attempts()).isZero();
    assertThat(lena.refusals().otherFailedConnects()).isEqualTo(60);
    assertThat(lena.refusals().otherFailures()).containsEntry(LOGIN_PERM, 60L);
    assertThat(r.totals().otherFailedConnects()).isEqualTo(60);
  }

  @Test
  void aFailureAtTheMomentOfA9646WasTheLimitWhateverItsStatus() {
    Fixture f = Scenarios.powerUser(new Fixture(), "ex01", "ceo", 1);
    f.failedRow(
        "ex01", "ceo", Fixture.at(0, 9, 0), "10.1.3.5", Fixture.OUTLOOK, "0x6BA (rpc::Exception)");
    f.failedRow("ex01", "ceo", Fixture.at(0, 15, 0), "10.1.3.5", Fixture.OUTLOOK, LOGIN_PERM);
    f.limitEvent("EX01.contoso.com", Fixture.at(0, 9, 0).plusSeconds(2), "ceo", 32);
    AnalysisResult r = f.analyze();

    SessionSummary.UserSessions ceo =
        r.sessions().byUser().stream()
            .filter(u -> u.user().equals("ceo"))
            .findFirst()
            .orElseThrow();
    assertThat(ceo.refusals().otherFailedConnects())
        .as("only the LoginPerm at 15:00 stays a failure")
        .isEqualTo(1);
    assertThat(ceo.refusals().otherFailures()).containsOnlyKeys(LOGIN_PERM);
  }
}
