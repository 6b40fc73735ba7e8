package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ByteLineReaderTest {

  private record Line(long number, String text) {}

  private record Skip(long line, long offset, long length, boolean onlyNuls) {}

  private record Read(List<Line> lines, List<Skip> skips) {}

  /** Pieces a log line is made of: text, every kind of line end, NULs, runs past any buffer. */
  private static final String[] PIECES = {
    "a", "row,with,\"quoted, comma\"", "\r", "\n", "\r\n", "\0\0\0", "x".repeat(700), ""
  };

  private static Gen<String> texts() {
    return lists()
        .of(integers().between(0, PIECES.length - 1))
        .ofSizeBetween(0, 60)
        .map(
            picks -> {
              StringBuilder b = new StringBuilder();
              picks.forEach(i -> b.append(PIECES[i]));
              return b.toString();
            });
  }

  /** Feeds the stream in reads of at most {@code chunk} bytes, as a slow pipe or archive does. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static Read bytewise(String text, int cap, int chunk) throws IOException {
    List<Line> lines = new ArrayList<>();
    List<Skip> skips = new ArrayList<>();
    try (ByteLineReader r =
        new ByteLineReader(
            trickle(text.getBytes(StandardCharsets.ISO_8859_1), chunk),
            StandardCharsets.ISO_8859_1,
            cap,
            (line, offset, length, nuls) -> skips.add(new Skip(line, offset, length, nuls)))) {
      while (r.next()) {
        assertThat(r.length()).isLessThanOrEqualTo(cap);
        lines.add(new Line(r.lineNumber(), r.text()));
      }
    }
    return new Read(lines, skips);
  }

  private static Read charwise(String text, int cap) throws IOException {
    List<Line> lines = new ArrayList<>();
    List<Skip> skips = new ArrayList<>();
    try (BoundedLineReader r =
        new BoundedLineReader(
            new StringReader(text),
            cap,
            (line, offset, length, nuls) -> skips.add(new Skip(line, offset, length, nuls)))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(new Line(r.lineNumber(), l));
      }
    }
    return new Read(lines, skips);
  }

  @Test
  void readsTheLinesLineNumbersAndSkipsOfTheCharacterReader() {
    qt().withExamples(300)
        .forAll(texts(), integers().between(1, 2000), integers().between(1, 5000))
        .checkAssert(
            (text, cap, chunk) -> {
              try {
                assertThat(bytewise(text, cap, chunk)).isEqualTo(charwise(text, cap));
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void aCarriageReturnAtTheEndOfARead() throws IOException {
    String text = "first\r" + "\nsecond\r" + "third";
    for (int chunk = 1; chunk <= text.length(); chunk++) {
      assertThat(bytewise(text, 100, chunk).lines())
          .containsExactly(new Line(1, "first"), new Line(2, "second"), new Line(3, "third"));
    }
  }

  @Test
  void aLineLongerThanTheBufferIsHeldWholeWhileWithinTheCap() throws IOException {
    String big = "y".repeat(3 << 20);
    Read read = bytewise("a\n" + big + "\nb", 4 << 20, 1 << 16);
    assertThat(read.lines()).extracting(Line::text).containsExactly("a", big, "b");
    assertThat(read.skips()).isEmpty();
  }

  @Test
  void aLineOverTheCapIsReportedInBytesFromItsStart() throws IOException {
    String text = "head\n" + "\0".repeat(300_000) + "\r\ntail";
    Read read = bytewise(text, 1024, 1 << 16);
    assertThat(read.lines()).containsExactly(new Line(1, "head"), new Line(3, "tail"));
    assertThat(read.skips()).containsExactly(new Skip(2, 5, 300_000, true));
    assertThat(BoundedLineReader.message(5, 300_000, true, "byte"))
        .contains("line of 300,000 bytes (from byte 5)", "only NUL bytes");
  }
}
