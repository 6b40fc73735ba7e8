package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTest {

  @Test
  void readsPlainNumbersAndIgnoresEverythingElse() {
    assertThat(RecordIds.parse("126268")).isEqualTo(126268L);
    assertThat(RecordIds.parse(" 42\r\n")).isEqualTo(42L);
    assertThat(RecordIds.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(RecordIds.parse(null)).isNull();
    assertThat(RecordIds.parse("")).isNull();
    assertThat(RecordIds.parse("12a")).isNull();
    assertThat(RecordIds.parse("-1")).isNull();
    assertThat(RecordIds.parse("1.234")).isNull();
    assertThat(RecordIds.parse("System.Int64")).isNull();
    assertThat(RecordIds.parse("9223372036854775808")).isNull();
  }
}
