package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

  /** Writes fields the way Exchange's log writer does: quoted when they hold a comma or a quote. */
  private static String write(List<String> fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      out.add(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
    }
    return String.join(",", out);
  }

  /** Splits the text from the middle of a larger array, as a line lies in a reader's buffer. */
  private static void split(CsvLine line, String text) {
    byte[] bytes = ("junk\n" + text + "\njunk").getBytes(StandardCharsets.UTF_8);
    line.split(bytes, 5, text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void splitsWhatTheLogWriterJoined() {
    qt().forAll(
            lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 12)).ofSizeBetween(1, 30))
        .checkAssert(
            fields -> {
              CsvLine line = new CsvLine(StandardCharsets.UTF_8);
              split(line, write(fields));
              assertThat(line.unterminated()).isFalse();
              List<String> back = new ArrayList<>();
              for (int i = 0; i < line.count(); i++) {
                back.add(line.field(i));
              }
              assertThat(back).isEqualTo(fields);
            });
  }

  @Test
  void reportsAQuoteLeftOpen() {
    CsvLine line = new CsvLine(StandardCharsets.UTF_8);
    split(line, "a,\"b,c");
    assertThat(line.unterminated()).isTrue();
    assertThat(line.field(5)).isEmpty();
    split(line, "x,,\"y\"");
    assertThat(line.count()).isEqualTo(3);
    assertThat(line.isEmpty(1)).isTrue();
    assertThat(line.field(2)).isEqualTo("y");
  }
}
