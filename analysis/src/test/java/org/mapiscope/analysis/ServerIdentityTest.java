package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SettingValue;

/**
 * RCA logs that name the server only by address (server-ip) join the one server the event logs and
 * the registry export name; with several named servers an address stays a server of its own.
 */
class ServerIdentityTest {

  private static final String ADDRESS = "10.0.0.10";

  /**
   * A VPN laptop user on a server whose RCA logs say 10.0.0.10, its event logs EX01.contoso.com.
   */
  private static Fixture laptopOnAddress(Duration keepAlive) {
    Fixture f = Scenarios.vpnLaptop(new Fixture().keepAlive(keepAlive), ADDRESS, "jdoe", 1);
    return f.eventLogComputer(ADDRESS, "EX01.contoso.com");
  }

  @Test
  void theAddressOfTheOnlyNamedServerIsThatServer() {
    Fixture f = laptopOnAddress(Duration.ofHours(1));
    f.setting("EX01", ExchangeDefaults.KEEP_ALIVE_TIME, "3600000");
    AnalysisResult r = f.analyze();

    assertThat(r.settings()).extracting(SettingView::server).containsOnly("ex01");
    assertThat(r.settings())
        .contains(
            new SettingView("ex01", "KeepAliveTime", SettingValue.of("3600000"), "EX01.reg:1"));
    assertThat(r.limitEvents().byUser())
        .allSatisfy(u -> assertThat(u.servers()).containsExactly("ex01"));
    List<Finding> server =
        r.findings().stream().filter(x -> x.scope() == Finding.Scope.SERVER).toList();
    assertThat(server)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.subject()).isEqualTo("ex01");
              assertThat(x.cause()).isEqualTo(Cause.KEEPALIVE_TOO_LONG);
              assertThat(x.confidence()).isEqualTo(0.9);
            });
  }

  @Test
  void aShortKeepAliveReadUnderTheNameCountsForTheAddress() {
    // A desk worker's sessions from the office stay open 30 min after she connects from another
    // machine: past a 5 min keepalive her client answered the probes (alive); judged with the 2 h
    // default they would look like a vanished client's.
    Fixture f = new Fixture().keepAlive(Duration.ofMinutes(5));
    f.start(ADDRESS, "asmith", Fixture.at(0, 8, 0), "10.10.0.5", Fixture.OUTLOOK, 4);
    f.start(ADDRESS, "asmith", Fixture.at(0, 17, 0), "10.10.0.6", Fixture.OUTLOOK, 2);
    Scenarios.deskWorker(f, ADDRESS, "bjones", "10.10.0.7", 1);
    f.setting("EX01", ExchangeDefaults.KEEP_ALIVE_TIME, "300000");
    AnalysisResult r = f.analyze();

    assertThat(r.settings())
        .contains(
            new SettingView("ex01", "KeepAliveTime", SettingValue.of("300000"), "EX01.reg:1"));
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void withSeveralNamedServersAnAddressStaysItsOwnServer() {
    Fixture f = laptopOnAddress(Duration.ofHours(1));
    f.setting("EX01", ExchangeDefaults.KEEP_ALIVE_TIME, "3600000");
    f.setting("EX02", ExchangeDefaults.KEEP_ALIVE_TIME, "3600000");
    AnalysisResult r = f.analyze();

    assertThat(r.settings()).extracting(SettingView::server).contains(ADDRESS, "ex01", "ex02");
    assertThat(r.settings())
        .contains(new SettingView(ADDRESS, "KeepAliveTime", SettingValue.of("7200000"), "default"));
  }
}
