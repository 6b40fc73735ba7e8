package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** White-box checks of the small parts the rules rest on. */
class BuildingBlocksTest {

  private static final long D = 7_210_000L;

  private static long min(int m) {
    return Duration.ofMinutes(m).toMillis();
  }

  @Test
  void lingeringTellsReapedFromHeldFromClosedByTheClient() {
    Lingering l = new Lingering();
    l.add(min(150), min(119)); // idle 2.5 h, ended 2 h after the move: reaped
    l.add(min(125), min(60)); // client died an hour before the move: still reaped
    l.add(min(30), min(20)); // closed soon by a live client
    l.add(min(500), min(480)); // 8 h after the move: held
    l.add(min(130), min(3)); // ended right after the move: closed, not reaped
    assertThat(l.reaped(D)).isEqualTo(2);
    assertThat(l.held(D)).isEqualTo(1);
    assertThat(l.total()).isEqualTo(5);
    Lingering other = new Lingering();
    other.add(min(150), min(119));
    l.addAll(other);
    assertThat(l.reaped(D)).isEqualTo(3);
  }

  @Test
  void serverNamesJoinShortAndQualifiedNames() {
    assertThat(ServerNames.key("EX01.contoso.com")).isEqualTo("ex01");
    assertThat(ServerNames.key("\\\\EX01")).isEqualTo("ex01");
    assertThat(ServerNames.key("10.0.0.5")).isEqualTo("10.0.0.5");
    assertThat(ServerNames.key(null)).isEqualTo(ServerNames.UNKNOWN);
    assertThat(ServerNames.key("::FFFF:10.0.0.5")).isEqualTo("::ffff:10.0.0.5");
    assertThat(ServerNames.key("fe80::1")).isEqualTo("fe80::1");
  }

  @Test
  void addressesAreToldFromHostNames() {
    assertThat(ServerNames.isAddress("10.0.0.5")).isTrue();
    assertThat(ServerNames.isAddress("2001:db8::10")).isTrue();
    assertThat(ServerNames.isAddress("::ffff:10.0.0.5")).isTrue();
    assertThat(ServerNames.isAddress("ex01")).isFalse();
    assertThat(ServerNames.isAddress("cafe")).isFalse();
    assertThat(ServerNames.isAddress(ServerNames.UNKNOWN)).isFalse();
  }

  @Test
  void raisedLimitAddsTenPercentButAtLeastTwo() {
    assertThat(Thresholds.raisedLimit(33)).isEqualTo(37);
    assertThat(Thresholds.raisedLimit(12)).isEqualTo(14);
    assertThat(Thresholds.raisedLimit(60)).isEqualTo(66);
  }

  @Test
  void versionCluesPreferTheStrongestMarker() {
    VersionClues clues = new VersionClues();
    assertThat(clues.verdict(null).version()).isEqualTo(ExchangeVersion.EX2013_PLUS);
    clues.dn("/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe");
    assertThat(clues.verdict(null).version()).isEqualTo(ExchangeVersion.EX2003);
    clues.dn("/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe");
    assertThat(clues.verdict(null).version()).isEqualTo(ExchangeVersion.EX2007);
    clues.dn(
        "/o=Contoso/ou=Exchange Administrative Group"
            + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=0123456789abcdef0123456789abcdef-jdoe");
    assertThat(clues.verdict(null).version()).isEqualTo(ExchangeVersion.EX2013_PLUS);
    assertThat(clues.verdict(ExchangeVersion.EX2007).version()).isEqualTo(ExchangeVersion.EX2007);
  }

  @Test
  void keepAliveTargetFollowsTheVersion() {
    assertThat(new Prescriptions(ExchangeVersion.EX2003).keepAliveTarget()).isEqualTo(300_000L);
    assertThat(new Prescriptions(ExchangeVersion.EX2007).keepAliveTarget()).isEqualTo(1_800_000L);
    assertThat(new Prescriptions(ExchangeVersion.EX2013_PLUS).keepAliveTarget())
        .isEqualTo(1_800_000L);
  }
}
