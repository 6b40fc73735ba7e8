package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.SessionEvent;

class BoundedLineReaderTest {

  @TempDir Path dir;

  private record Skip(long line, long offset, long chars, boolean onlyNuls) {}

  @Test
  void skipsLinesOverTheCapWithoutHoldingThemAndKeepsCountingLines() throws IOException {
    String longLine = "\0".repeat(200_000);
    String text = "first\r\nsecond\n" + longLine + "\r\nthird\rfourth";
    List<Skip> skips = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    try (BoundedLineReader r =
        new BoundedLineReader(
            new StringReader(text),
            1024,
            (line, offset, chars, nuls) -> skips.add(new Skip(line, offset, chars, nuls)))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
        numbers.add(r.lineNumber());
        assertThat(r.lineCapacity()).isLessThanOrEqualTo(r.maxLineChars());
      }
      assertThat(r.lineCapacity()).isLessThanOrEqualTo(1024);
    }
    assertThat(lines).containsExactly("first", "second", "third", "fourth");
    assertThat(numbers).containsExactly(1L, 2L, 4L, 5L);
    assertThat(skips).containsExactly(new Skip(3, 14, 200_000, true));
  }

  @Test
  void readsLinesLikeBufferedReaderAcrossBufferEdges() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String l = "x".repeat(i % 97);
      expected.add(l);
      text.append(l).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    List<String> lines = new ArrayList<>();
    try (BoundedLineReader r =
        new BoundedLineReader(new StringReader(text.toString()), 1024, (a, b, c, d) -> {})) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    }
    assertThat(lines).isEqualTo(expected);
  }

  @Test
  void theReaderViewKeepsLineEndsAndLeavesOnlyTheLineEndOfAnOverlongLine() throws IOException {
    String text = "a,b\r\n" + "y".repeat(5000) + "\n\"c\nd\"\r\n";
    List<Skip> skips = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    try (Reader r =
        new BoundedLineReader(
                new StringReader(text),
                100,
                (line, offset, chars, nuls) -> skips.add(new Skip(line, offset, chars, nuls)))
            .asReader()) {
      char[] buf = new char[7];
      int n;
      while ((n = r.read(buf, 0, buf.length)) > 0) {
        out.append(buf, 0, n);
      }
    }
    assertThat(out.toString()).isEqualTo("a,b\r\n\n\"c\nd\"\r\n");
    assertThat(skips).containsExactly(new Skip(2, 5, 5000, false));
  }

  /** A crash-padded RCA log: a 50 MB line of NULs between valid rows. */
  @Test
  void anRcaLogWithA50MegabyteNulLineReadsItsRowsAndReportsTheLine() throws IOException {
    Path log = dir.resolve("RCA_20261102-1.LOG");
    try (OutputStream out = Files.newOutputStream(log)) {
      out.write(
          Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00.000Z", 1, "alice", "Connect"))
              .getBytes(StandardCharsets.UTF_8));
      out.write(new byte[50 << 20]);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      out.write(
          Fixtures.rcaRow("2026-11-02T08:00:01.000Z", 2, "bob", "Connect")
              .getBytes(StandardCharsets.UTF_8));
    }
    List<SessionEvent> events = new ArrayList<>();
    IngestResult result =
        Ingestor.builder()
            .timezone(ZoneId.of("UTC"))
            .threads(1)
            .build()
            .ingest(List.of(log), e -> events.add((SessionEvent) e));

    assertThat(events).extracting(SessionEvent::sessionId).containsExactly("1", "2");
    InputSummary summary = result.inputs().get(0);
    assertThat(summary.outcome()).isEqualTo(InputOutcome.READ);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(summary.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.where()).isEqualTo(log + ":7");
              assertThat(e.message())
                  .contains("52,428,800 bytes", "longer than the 1,048,576", "only NUL bytes");
            });
  }
}
