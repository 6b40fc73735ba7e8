package org.mapiscope.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void showsFilesBytesRateAndEta() {
    String line = ProgressLine.render(3, 10, 50L << 20, 150L << 20, Duration.ofSeconds(5));
    assertThat(line).isEqualTo("Reading 3/10 files  50.0 MB/150.0 MB  10.0 MB/s  ETA 0:10");
  }

  @Test
  void unknownRateGivesNoEta() {
    assertThat(ProgressLine.render(0, 2, 0, 100, Duration.ZERO)).endsWith("ETA --:--");
  }

  @Test
  void throttlesRedrawsButAlwaysDrawsTheEndAndClearsItself() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine p = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int ms = 0; ms < 1000; ms++) {
      p.update(0, 1, ms, 1000, Duration.ofMillis(ms));
    }
    p.update(1, 1, 1000, 1000, Duration.ofMillis(1001));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(6);
    assertThat(out).contains("Reading 1/1 files");
    p.finish();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
  }
}
