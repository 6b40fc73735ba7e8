package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The analysis keeps a bounded number of clients per user and server; the session summary still
 * says how many clients and sessions there were, so a report can say what its list leaves out.
 */
class ClientTotalsTest {

  @Test
  void aUserOnMoreAddressesThanTheListKeepsExactTotals() {
    Fixture f = new Fixture();
    int addresses = 35;
    int perAddress = 4;
    for (int k = 0; k < addresses; k++) {
      var s =
          f.start(
              "ex01",
              "jdoe",
              Fixture.at(k / 10, 8 + k % 10, 0),
              "10.8.1." + k,
              Fixture.OUTLOOK,
              perAddress);
      f.close(s, Fixture.at(k / 10, 8 + k % 10, 30));
    }
    AnalysisResult r = f.analyze();

    SessionSummary.UserSessions jdoe =
        r.sessions().byUser().stream()
            .filter(u -> u.user().equals("jdoe"))
            .findFirst()
            .orElseThrow();
    assertThat(jdoe.clients()).hasSizeLessThanOrEqualTo(Thresholds.MAX_TRACKED_CLIENTS);
    assertThat(jdoe.clientsTotal()).isEqualTo(addresses);
    assertThat(jdoe.sessionsTotal()).isEqualTo((long) addresses * perAddress);
    assertThat(jdoe.clientsOmitted()).isEqualTo(addresses - jdoe.clients().size());
    assertThat(jdoe.sessionsOmitted()).isEqualTo((long) jdoe.clientsOmitted() * perAddress);
  }

  @Test
  void aCompleteListHasNothingOmitted() {
    Fixture f = new Fixture();
    var s = f.start("ex01", "jdoe", Fixture.at(0, 8, 0), "10.8.1.1", Fixture.OUTLOOK, 3);
    f.close(s, Fixture.at(0, 9, 0));
    SessionSummary.UserSessions jdoe = f.analyze().sessions().byUser().get(0);

    assertThat(jdoe.clientsTotal()).isEqualTo(1);
    assertThat(jdoe.sessionsTotal()).isEqualTo(3);
    assertThat(jdoe.clientsOmitted()).isZero();
    assertThat(jdoe.sessionsOmitted()).isZero();
  }
}
