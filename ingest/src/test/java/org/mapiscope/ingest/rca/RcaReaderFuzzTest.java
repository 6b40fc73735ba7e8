package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.ByteLineReader;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.model.SessionEvent;

/**
 * Any bytes in: the RCA reader reports broken rows and reads the rest, never throws, never hangs;
 * the byte line reader it runs on splits any bytes as the character reader splits their text. As a
 * plain test this runs the seed corpus in {@code
 * src/test/resources/org/mapiscope/ingest/rca/RcaReaderFuzzTestInputs}; with {@code JAZZER_FUZZ=1}
 * it fuzzes: {@code JAZZER_FUZZ=1 ./mvnw -o -pl ingest test -Dtest=RcaReaderFuzzTest}.
 */
class RcaReaderFuzzTest {

  private static final Duration PER_INPUT = Duration.ofSeconds(10);

  @FuzzTest(maxDuration = "10m")
  void rcaReaderReadsAnything(byte[] input) {
    assertTimeoutPreemptively(
        PER_INPUT,
        () -> {
          Collecting c =
              Collecting.read(
                  new RcaReader(), input, "RCA_20261102-1.LOG", "EX01", ZoneId.of("UTC"));
          long lines = 1;
          for (byte b : input) {
            if (b == '\n' || b == '\r') {
              lines++;
            }
          }
          for (SessionEvent e : c.of(SessionEvent.class)) {
            assertThat(e.time()).isNotNull();
            assertThat(e.sessionId()).isNotEmpty();
            assertThat(e.ref().position()).isBetween(1L, lines);
          }
          c.errors.forEach(err -> assertThat(err.where()).startsWith("RCA_20261102-1.LOG:"));
        });
  }

  /** A cap of 64 bytes, so over-long lines and lines across reads are common. */
  @FuzzTest(maxDuration = "10m")
  void byteLinesAreTheLinesOfTheText(byte[] input) throws IOException {
    List<String> byBytes = new ArrayList<>();
    try (ByteLineReader r =
        new ByteLineReader(
            new ByteArrayInputStream(input),
            StandardCharsets.ISO_8859_1,
            64,
            (line, offset, length, nuls) ->
                byBytes.add(line + " skipped " + offset + " " + length + " " + nuls))) {
      while (r.next()) {
        byBytes.add(r.lineNumber() + " " + r.text());
      }
    }
    List<String> byChars = new ArrayList<>();
    try (BoundedLineReader r =
        new BoundedLineReader(
            new StringReader(new String(input, StandardCharsets.ISO_8859_1)),
            64,
            (line, offset, length, nuls) ->
                byChars.add(line + " skipped " + offset + " " + length + " " + nuls))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        byChars.add(r.lineNumber() + " " + l);
      }
    }
    assertThat(byBytes).isEqualTo(byChars);
  }
}
