package org.mapiscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A failure of the job itself ends as one line and exit code 3, as in analyze. */
class FleetInternalErrorTest {

  @Test
  void anUnexpectedFailureIsOneLineAndExitThree() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int code =
        FleetAnalyze.internalError(
            new IllegalArgumentException("both partials read RCA logs of server ex01"), err);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(3);
    assertThat(printed)
        .startsWith("mapiscope: internal error: java.lang.IllegalArgumentException: both partials")
        .doesNotContain("\tat ");
  }
}
