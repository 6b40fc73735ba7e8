package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * A folder or archive named after a server plus more words ({@code ex07-logs-march}) is that
 * server's evidence, not a second server (docs/diagnosis.md, "Server identity").
 */
class ServerAliasPrefixTest {

  @Test
  void aKeyExtendingAnotherServersNameIsThatServer() {
    ServerAliases aliases =
        ServerAliases.of(List.of("ex07", "ex07-logs-march", "ex08", "ex07_rca", "ex07 march"));
    assertThat(aliases.canonical("ex07-logs-march")).isEqualTo("ex07");
    assertThat(aliases.canonical("ex07_rca")).isEqualTo("ex07");
    assertThat(aliases.canonical("ex07 march")).isEqualTo("ex07");
    assertThat(aliases.isAlias("ex07-logs-march")).isTrue();
    assertThat(aliases.canonical("ex07")).isEqualTo("ex07");
    assertThat(aliases.canonical("ex08")).isEqualTo("ex08");
    assertThat(aliases.isAlias("ex08")).isFalse();
  }

  @Test
  void aLongerNameWithoutASeparatorIsAnotherServer() {
    ServerAliases aliases = ServerAliases.of(List.of("ex07", "ex070"));
    assertThat(aliases.canonical("ex070")).isEqualTo("ex070");
  }

  @Test
  void aHyphenatedHostAloneIsItself() {
    ServerAliases aliases = ServerAliases.of(List.of("mail-ex-01", ServerNames.UNKNOWN));
    assertThat(aliases.canonical("mail-ex-01")).isEqualTo("mail-ex-01");
    assertThat(aliases.isAlias("mail-ex-01")).isFalse();
    assertThat(aliases.canonical(ServerNames.UNKNOWN))
        .as("the one named server")
        .isEqualTo("mail-ex-01");
  }

  @Test
  void evidenceUnderAFolderNamedAfterTheServerCountsForThatServer() {
    // RCA logs read from EX07-logs-march (no hint narrower than the folder), the event log and the
    // registry export name EX07.
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex07-logs-march", "jdoe", 1);
    f.eventLogComputer("ex07-logs-march", "EX07.contoso.com");
    Scenarios.registryWithoutKeepAlive(f, "EX07");
    AnalysisResult r = f.analyze();

    assertThat(r.settings()).extracting(SettingView::server).containsOnly("ex07");
    assertThat(r.settings())
        .anySatisfy(
            s -> {
              assertThat(s.name()).isEqualTo(ExchangeDefaults.MAX_SESSIONS_PER_USER);
              assertThat(s.source()).startsWith("EX07.reg:");
            });
    assertThat(r.limitEvents().byUser())
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u.servers()).containsExactly("ex07"));
    assertThat(r.findings())
        .filteredOn(x -> x.scope() == Finding.Scope.SERVER)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.subject()).isEqualTo("ex07");
              assertThat(x.cause()).isEqualTo(Cause.KEEPALIVE_TOO_LONG);
            });
    assertThat(r.findings()).extracting(Finding::subject).doesNotContain("ex07-logs-march");
    assertThat(r.findings())
        .filteredOn(x -> x.subject().equals("jdoe"))
        .extracting(Finding::cause)
        .contains(Cause.DEAD_CLIENT_SESSIONS);
  }

  @Test
  void theSamePrefixRuleBesideASecondServer() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "ex07-logs-march", "jdoe", 1);
    f.eventLogComputer("ex07-logs-march", "EX07.contoso.com");
    Scenarios.deskWorker(f, "ex08", "asmith", "10.2.0.5", 1);
    Scenarios.registryWithoutKeepAlive(f, "EX07");
    Scenarios.registryWithoutKeepAlive(f, "EX08");
    AnalysisResult r = f.analyze();

    assertThat(r.settings()).extracting(SettingView::server).containsOnly("ex07", "ex08");
    assertThat(r.findings())
        .filteredOn(x -> x.scope() == Finding.Scope.SERVER)
        .extracting(Finding::subject)
        .containsExactly("ex07");
  }

  @Test
  void aHyphenatedServerAloneStaysItself() {
    Fixture f = Scenarios.vpnLaptop(new Fixture(), "mail-ex-01", "jdoe", 1);
    f.eventLogComputer("mail-ex-01", "MAIL-EX-01.contoso.com");
    Scenarios.registryWithoutKeepAlive(f, "MAIL-EX-01");
    AnalysisResult r = f.analyze();

    assertThat(r.settings()).extracting(SettingView::server).containsOnly("mail-ex-01");
    assertThat(r.limitEvents().byUser())
        .allSatisfy(u -> assertThat(u.servers()).containsExactly("mail-ex-01"));
    assertThat(r.findings())
        .filteredOn(x -> x.scope() == Finding.Scope.SERVER)
        .extracting(Finding::subject)
        .containsExactly("mail-ex-01");
  }
}
