package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address read from a field's bytes is the one read from its text, for any field. */
class RcaAddressesTest {

  /** What client-ip fields are made of, and what may spoil them. */
  private static final String[] PARTS = {
    "10", ".", "1", "5", ":", "51234", "[", "]", "fe80", "::", " ", "\t", "\u001f", "\u00a0",
    "\u00e9", ",", "\"", "a"
  };

  @Test
  void bytesGiveWhatTheTextGives() {
    // One cache for all examples, as a reading thread keeps it: values seen before come from it.
    FieldCache<String> cache = new FieldCache<>(2, 64, RcaReader::emptyToNull);
    qt().withExamples(5000)
        .forAll(lists().of(integers().between(0, PARTS.length - 1)).ofSizeBetween(0, 8))
        .checkAssert(
            picks -> {
              StringBuilder field = new StringBuilder();
              picks.forEach(i -> field.append(PARTS[i]));
              String text = field.toString();
              boolean quote = text.contains(",") || text.contains("\"");
              String line =
                  "2026-11-02T10:00:00.000Z,"
                      + (quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text)
                      + ",Connect";
              CsvLine csv = new CsvLine(StandardCharsets.UTF_8);
              byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
              csv.split(bytes, 0, bytes.length);
              assertThat(RcaAddresses.withoutPort(csv, 1, cache))
                  .as("field %s", List.of(text))
                  .isEqualTo(RcaReader.emptyToNull(RcaAddresses.withoutPort(text)));
            });
  }
}
