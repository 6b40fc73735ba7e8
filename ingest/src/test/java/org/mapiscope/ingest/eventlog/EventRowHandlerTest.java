package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import de.siegmar.fastcsv.reader.CsvReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * A row is only counted when its raw event id and source say what {@link
 * LimitEventParser#isLimitEvent} says of the same values as strings (a source beyond ASCII is
 * always left to it); every row that may be a 9646 keeps all its values.
 */
class EventRowHandlerTest {

  private static final List<String> SOURCES =
      List.of(
          "MSExchangeIS",
          "msexchangeis mailbox store",
          "  MSExchangeIS Public Store",
          "MSExchangeI",
          "MSExchange ADAccess",
          "ESE",
          "",
          " ",
          "MSEXCHANGEİS",
          "MSExchangeIS\u00A0",
          "\u2003MSExchangeIS",
          "MSExchangeİS",
          "Kelvin\u212A");
  private static final List<String> IDS =
      List.of(
          "9646",
          " 9646 ",
          "1000",
          "3221235118",
          "3221235117",
          "0009646",
          "",
          "x",
          "96 46",
          "-9646",
          "+9646",
          "12345678901",
          "9646\u00A0",
          "\u20039646",
          "4294967295");

  @Test
  void countsOnlyWhatTheStringTestWouldCount() {
    qt().withExamples(2000)
        .forAll(Generate.pick(SOURCES), Generate.pick(IDS))
        .checkAssert(
            (source, id) -> {
              String row =
                  "Error,11/2/2026 8:15:00 AM,"
                      + quoted(source)
                      + ","
                      + quoted(id)
                      + ",General,\"a\r\n\"\"b\"\"\"";
              EventRowHandler handler = new EventRowHandler();
              handler.decideBy(new ViewerLayout());
              try (CsvReader<EventRowHandler> csv = CsvReader.builder().build(handler, row)) {
                EventRowHandler read = csv.iterator().next();
                boolean counted =
                    TableLayout.isInteger(id)
                        && !LimitEventParser.isLimitEvent(source, Long.parseLong(id.strip()));
                if (source.chars().allMatch(c -> c < 0x80)) {
                  assertThat(read.isOther()).as("source %s id %s", source, id).isEqualTo(counted);
                } else if (read
                    .isOther()) { // beyond ASCII, case rules are left to LimitEventParser
                  assertThat(counted).as("source %s id %s", source, id).isTrue();
                }
                assertThat(read.size()).isEqualTo(6);
                if (!read.isOther()) {
                  assertThat(read.fields())
                      .containsExactly(
                          "Error", "11/2/2026 8:15:00 AM", source, id, "General", "a\r\n\"b\"");
                }
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
