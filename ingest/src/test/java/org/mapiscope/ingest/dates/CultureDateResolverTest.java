package org.mapiscope.ingest.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.dates.CultureDateResolver.Ambiguous;
import org.mapiscope.ingest.dates.CultureDateResolver.Dated;
import org.mapiscope.ingest.dates.CultureDateResolver.Unreadable;

class CultureDateResolverTest {

  private static LocalDateTime at(int y, int mo, int d, int h, int mi, int s) {
    return LocalDateTime.of(y, mo, d, h, mi, s);
  }

  @Test
  void readsTheCommonCultures() {
    assertThat(new CultureDateResolver().read("11/13/2026 1:05:09 PM"))
        .isEqualTo(new Dated(at(2026, 11, 13, 13, 5, 9)));
    assertThat(new CultureDateResolver().read("02.11.2026 08:15:00"))
        .isEqualTo(new Dated(at(2026, 11, 2, 8, 15, 0)));
    assertThat(new CultureDateResolver().read("2-11-2026 8:15:00"))
        .isEqualTo(new Dated(at(2026, 11, 2, 8, 15, 0)));
    assertThat(new CultureDateResolver().read("2026/11/02 8:15:00"))
        .isEqualTo(new Dated(at(2026, 11, 2, 8, 15, 0)));
    assertThat(new CultureDateResolver().read("2026-11-02T08:15:00.1234567"))
        .isEqualTo(new Dated(LocalDateTime.of(2026, 11, 2, 8, 15, 0, 123_456_700)));
    assertThat(new CultureDateResolver().read("\u200E2/\u200E11/\u200E2026 08:15:00"))
        .isInstanceOf(Ambiguous.class);
  }

  @Test
  void refusesWhatNoCultureWrites() {
    CultureDateResolver dates = new CultureDateResolver();
    assertThat(dates.read("yesterday")).isInstanceOf(Unreadable.class);
    assertThat(dates.read("31.02.2026 08:00:00")).isInstanceOf(Unreadable.class);
    assertThat(dates.read("13/13/2026 08:00:00")).isInstanceOf(Unreadable.class);
  }

  @Test
  void oneDateSettlesTheFilesDayMonthOrder() {
    CultureDateResolver dates = new CultureDateResolver();
    Ambiguous first = (Ambiguous) dates.read("03/04/2026 10:00:00");
    assertThat(first.candidates()).hasSize(2);
    assertThat(dates.undecided()).isTrue();

    assertThat(dates.read("25/04/2026 10:00:00")).isEqualTo(new Dated(at(2026, 4, 25, 10, 0, 0)));
    assertThat(dates.undecided()).isFalse();
    assertThat(dates.reread(first)).isEqualTo(new Dated(at(2026, 4, 3, 10, 0, 0)));
    assertThat(dates.read("03/05/2026 10:00:00")).isEqualTo(new Dated(at(2026, 5, 3, 10, 0, 0)));
    assertThat(dates.read("05/25/2026 10:00:00"))
        .as("month-first no longer fits this file")
        .isInstanceOf(Unreadable.class);
  }

  @Test
  void anUnsettledFileIsReadInTheCommonCulture() {
    CultureDateResolver dates = new CultureDateResolver();
    Ambiguous us = (Ambiguous) dates.read("3/4/2026 10:00:00 AM");
    assertThat(dates.preferCommon(us)).isEqualTo(new Dated(at(2026, 3, 4, 10, 0, 0)));
    Ambiguous gb = (Ambiguous) new CultureDateResolver().read("03/04/2026 10:00:00");
    assertThat(new CultureDateResolver().preferCommon(gb))
        .isEqualTo(new Dated(at(2026, 4, 3, 10, 0, 0)));
  }

  @Test
  void readsWhatPowerShellWritesInSnapshots() {
    assertThat(new CultureDateResolver().read("12.06.2009 09:14:03,1234567"))
        .isEqualTo(new Dated(LocalDateTime.of(2009, 6, 12, 9, 14, 3, 123_456_700)));
    assertThat(new CultureDateResolver().read("13/06/2009, 09:14:03"))
        .isEqualTo(new Dated(at(2009, 6, 13, 9, 14, 3)));
    assertThat(new CultureDateResolver().read("6/13/2009 9:14:03 p.m."))
        .isEqualTo(new Dated(at(2009, 6, 13, 21, 14, 3)));
    assertThat(new CultureDateResolver().read("6/13/2009 9:14:03PM"))
        .isEqualTo(new Dated(at(2009, 6, 13, 21, 14, 3)));
    assertThat(new CultureDateResolver().read("12.06.2009 9:14:03 PM"))
        .isEqualTo(new Dated(at(2009, 6, 12, 21, 14, 3)));
  }

  @Test
  void dashesWithAnAmPmClockAreMonthFirstUnlessADateSaysOtherwise() {
    CultureDateResolver dates = new CultureDateResolver();
    Ambiguous dashed = (Ambiguous) dates.read("6-12-2009 9:14:03 AM");
    assertThat(dates.preferCommon(dashed)).isEqualTo(new Dated(at(2009, 6, 12, 9, 14, 3)));
    assertThat(dates.read("25-12-2009 9:14:03 AM"))
        .isEqualTo(new Dated(at(2009, 12, 25, 9, 14, 3)));
    assertThat(dates.reread(dashed)).isEqualTo(new Dated(at(2009, 12, 6, 9, 14, 3)));
  }
}
