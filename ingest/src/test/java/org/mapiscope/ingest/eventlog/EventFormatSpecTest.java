package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.FormatRegistry;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.InputError;
import org.mapiscope.model.LimitEvent;

/**
 * Data-driven cases: each {@code cases/NAME.expected} describes what reading the input {@code
 * cases/NAME.*} must give — which reader detects it, the events, the skips, the count of other
 * events. Lines are tab-separated:
 *
 * <pre>
 * encoding   utf16le-bom | utf8-bom | windows-1252   (optional: the input is re-encoded before reading)
 * timezone   Europe/Berlin                      (optional, default UTC)
 * server-hint EX02                              (optional)
 * format     event-xml
 * event      line time server user dn guid client type limit [record]   ("-" for none; no record: none)
 * skip       line text-the-reason-contains
 * counted    n
 * </pre>
 */
class EventFormatSpecTest {

  static final List<FormatReader> READERS =
      List.of(new EventXmlReader(), new EventCsvReader(), new EventTxtReader());

  @TestFactory
  Stream<DynamicTest> everyCaseReadsAsExpected() throws IOException, URISyntaxException {
    Path cases = Path.of(EventFormatSpecTest.class.getResource("/eventlog/cases").toURI());
    List<Path> expected;
    try (Stream<Path> files = Files.list(cases)) {
      expected = files.filter(p -> p.toString().endsWith(".expected")).sorted().toList();
    }
    assertThat(expected).isNotEmpty();
    return expected.stream()
        .map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> check(spec)));
  }

  private static void check(Path spec) throws IOException {
    String base = spec.getFileName().toString().replace(".expected", "");
    Path input;
    try (Stream<Path> files = Files.list(spec.getParent())) {
      input =
          files
              .filter(p -> p.getFileName().toString().startsWith(base + ".") && !p.equals(spec))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no input for " + spec));
    }
    String encoding = "utf-8";
    ZoneId zone = ZoneId.of("UTC");
    String hint = null;
    String format = null;
    List<LimitEvent> events = new ArrayList<>();
    List<String[]> skips = new ArrayList<>();
    int counted = -1;
    String path = "cases/" + input.getFileName();
    for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "encoding" -> encoding = f[1];
        case "timezone" -> zone = ZoneId.of(f[1]);
        case "server-hint" -> hint = f[1];
        case "format" -> format = f[1];
        case "event" ->
            events.add(
                new LimitEvent(
                    Instant.parse(f[2]),
                    orNull(f[3]),
                    f[4],
                    orNull(f[5]),
                    orNull(f[6]),
                    orNull(f[7]),
                    f[8],
                    Integer.parseInt(f[9]),
                    EvidenceRef.line(path, Long.parseLong(f[1])),
                    f.length > 10 && !"-".equals(f[10]) ? Long.valueOf(f[10]) : null));
        case "skip" -> skips.add(new String[] {f[1], f[2]});
        case "counted" -> counted = Integer.parseInt(f[1]);
        default -> throw new AssertionError("unknown line in " + spec + ": " + line);
      }
    }
    String text = Files.readString(input, StandardCharsets.UTF_8);
    byte[] bytes =
        switch (encoding) {
          case "utf16le-bom" -> TestBytes.utf16LeWithBom(text);
          case "utf8-bom" -> TestBytes.utf8WithBom(text);
          case "windows-1252" -> TestBytes.windows1252(text);
          default -> TestBytes.utf8(text);
        };
    Sniff sniff = Collecting.sniff(bytes, input.getFileName().toString());

    List<String> detecting =
        READERS.stream().filter(r -> r.detect(sniff)).map(FormatReader::format).toList();
    assertThat(detecting).as("readers that detect %s", input.getFileName()).containsExactly(format);
    assertThat(FormatRegistry.standard().detect(sniff).map(FormatReader::format))
        .as("the registry's choice for %s", input.getFileName())
        .contains(detecting.get(0));
    FormatReader reader =
        READERS.stream().filter(r -> r.format().equals(detecting.get(0))).findFirst().orElseThrow();

    Collecting context = Collecting.read(reader, bytes, path, hint, zone);

    assertThat(context.evidence)
        .as("events of %s", input.getFileName())
        .containsExactlyElementsOf(events);
    assertThat(context.errors).as("skips of %s", input.getFileName()).hasSameSizeAs(skips);
    for (int i = 0; i < skips.size(); i++) {
      InputError actual = context.errors.get(i);
      assertThat(actual.where())
          .as("skip %d of %s", i, input.getFileName())
          .isEqualTo(path + ":" + skips.get(i)[0]);
      assertThat(actual.message())
          .as("skip %d of %s", i, input.getFileName())
          .contains(skips.get(i)[1]);
    }
    if (counted >= 0) {
      assertThat(context.counted)
          .as("other events counted in %s", input.getFileName())
          .isEqualTo(counted);
    }
  }

  private static String orNull(String field) {
    return "-".equals(field) ? null : field;
  }
}
