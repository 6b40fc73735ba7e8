package org.mapiscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SettingValueTest {

  @Test
  void aDecimalNumberIsADwordAndAnythingElseText() {
    assertThat(SettingValue.of(" 300000 ")).isEqualTo(new SettingValue.Dword(300_000));
    assertThat(SettingValue.of("0x12C")).isEqualTo(new SettingValue.Text("0x12C"));
  }

  @Test
  void onlyADwordIsANumber() {
    assertThat(new SettingValue.Dword(64).number()).isEqualTo(OptionalLong.of(64));
    assertThat(new SettingValue.Absent().number()).isEmpty();
    assertThat(new SettingValue.Text("64 sessions").number()).isEmpty();
  }

  @Test
  void reportsWriteTheDecimalNotSetOrTheText() {
    assertThat(new SettingValue.Dword(7_200_000).text()).isEqualTo("7200000");
    assertThat(new SettingValue.Absent().text()).isEqualTo("not set");
    assertThat(new SettingValue.Text("on").text()).isEqualTo("on");
  }

  @Test
  void aSettingShownNotSetIsAbsentAndHasNoNumber() {
    Setting absent =
        new Setting(
            "EX01", "KeepAliveTime", new SettingValue.Absent(), EvidenceRef.line("a.reg", 3));
    assertThat(absent.isAbsent()).isTrue();
    assertThat(absent.numericValue()).isEmpty();
  }
}
