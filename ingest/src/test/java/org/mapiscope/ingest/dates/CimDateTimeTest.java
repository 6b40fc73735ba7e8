package org.mapiscope.ingest.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CimDateTimeTest {

  @Test
  void readsTheLocalTimeWithItsOffsetInMinutes() {
    assertThat(CimDateTime.parse("20050614093012.000000+060"))
        .contains(Instant.parse("2005-06-14T08:30:12Z"));
    assertThat(CimDateTime.parse(" 20261201081500.250000-300 "))
        .contains(Instant.parse("2026-12-01T13:15:00.25Z"));
  }

  @Test
  void leavesOtherTextToTheCultureResolver() {
    assertThat(CimDateTime.parse("12/1/2026 8:15:00 AM")).isEmpty();
    assertThat(CimDateTime.parse("2026-12-01T08:15:00Z")).isEmpty();
  }

  @Test
  void refusesATimeThatDoesNotExist() {
    assertThatThrownBy(() -> CimDateTime.parse("20051314093012.000000+060"))
        .isInstanceOf(DateTimeException.class);
  }
}
