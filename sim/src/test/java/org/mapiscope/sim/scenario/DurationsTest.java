package org.mapiscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void designSpellings() {
    assertThat(Durations.parseMillis("300000ms")).isEqualTo(300_000L);
    assertThat(Durations.parseMillis("300s")).isEqualTo(300_000L);
    assertThat(Durations.parseMillis("5m")).isEqualTo(300_000L);
    assertThat(Durations.parseMillis("2h")).isEqualTo(7_200_000L);
    assertThat(Durations.parseMillis("7d")).isEqualTo(604_800_000L);
    assertThat(Durations.parseMillis("1.5h")).isEqualTo(5_400_000L);
  }

  @Test
  void rejectsWhatIsNoDuration() {
    for (String bad :
        new String[] {"", "5", "m", "-5m", "5 minutes", "1.0005s", "5M", "99999999999999999999d"}) {
      assertThatThrownBy(() -> Durations.parseMillis(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void formatReadsBack() {
    qt().forAll(longs().between(0, 400L * 86_400_000L))
        .check(ms -> Durations.parseMillis(Durations.format(ms)) == ms);
    assertThat(Durations.format(7_200_000L)).isEqualTo("2h");
    assertThat(Durations.format(300_000L)).isEqualTo("5m");
    assertThat(Durations.format(1_500L)).isEqualTo("1500ms");
  }
}
