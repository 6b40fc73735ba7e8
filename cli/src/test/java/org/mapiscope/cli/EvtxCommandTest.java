package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.DecoderFaults;
import org.mapiscope.evtx.EvtxParser;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.TestEvent;

/** {@code mapiscope evtx} through the real command line (docs/contract.md JSONL keys). */
class EvtxCommandTest {

  @TempDir Path dir;

  private Path log() throws IOException {
    Instant t = Instant.parse("2026-11-02T08:15:00.1234567Z");
    Path file = dir.resolve("Application.evtx");
    EvtxTestWriter.write(
        file,
        List.of(
            TestEvent.information(
                7,
                t.minusSeconds(5),
                "EX01.contoso.com",
                "MSExchangeIS",
                1000,
                16390,
                6,
                List.of("up")),
            TestEvent.mapiLimit9646(
                8, t, "EX01.contoso.com", "/o=Contoso/cn=Recipients/cn=jdoe", 32, "session")));
    return file;
  }

  @Test
  void writesOneJsonObjectPerRecordInFileOrder() throws IOException {
    CliRun run = CliRun.of("evtx", log().toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("recordId").asLong()).isEqualTo(8);
    assertThat(second.get("timeCreated").asText()).isEqualTo("2026-11-02T08:15:00.1234567Z");
    assertThat(second.get("eventId").asInt()).isEqualTo(9646);
    assertThat(second.get("qualifiers").asInt()).isEqualTo(49158);
    assertThat(second.get("provider").asText()).isEqualTo("MSExchangeIS");
    assertThat(second.get("channel").asText()).isEqualTo("Application");
    assertThat(second.get("computer").asText()).isEqualTo("EX01.contoso.com");
    assertThat(second.get("level").asInt()).isEqualTo(2);
    assertThat(second.get("task").asInt()).isEqualTo(6);
    assertThat(second.get("data").get(0).has("name")).isFalse();
    assertThat(second.get("data").get(0).get("value").asText())
        .isEqualTo("/o=Contoso/cn=Recipients/cn=jdoe");
    assertThat(second.get("data").get(1).get("value").asText()).isEqualTo("32");
    assertThat(second.get("data").get(2).get("value").asText()).isEqualTo("session");
  }

  @Test
  void filtersByIdAndProviderAndRendersXml() throws IOException {
    CliRun run =
        CliRun.of(
            "evtx",
            log().toString(),
            "--id",
            "9646",
            "--provider",
            "msexchangeis",
            "--format",
            "xml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("<EventID Qualifiers=\"49158\">9646</EventID>")
        .doesNotContain(">1000<");
  }

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    assertThat(CliRun.of("evtx", log().toString(), "--format", "csv").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  /**
   * The quick start of {@code mapiscope evtx} prints, and exits, exactly as the full command parser
   * does.
   */
  @Test
  void quickStartGivesWhatTheParserGivesForEveryArgumentList() throws IOException {
    String f = log().toString();
    String missing = dir.resolve("missing.evtx").toString();
    List<String[]> cases =
        List.of(
            new String[] {"evtx", f},
            new String[] {"evtx", f, f},
            new String[] {"evtx", "--format", "xml", f},
            new String[] {"evtx", "--format=XML", f},
            new String[] {"evtx", f, "--id", "9646"},
            new String[] {"evtx", f, "--id=1000", "--provider", "msexchangeis"},
            new String[] {"evtx", "--provider=MSExchangeIS", f},
            new String[] {"evtx", missing},
            new String[] {"evtx", f, missing},
            new String[] {"evtx"},
            new String[] {"evtx", "--format", "csv", f},
            new String[] {"evtx", "--format", f},
            new String[] {"evtx", "--id", "x", f},
            new String[] {"evtx", "--id", "-3", f},
            new String[] {"evtx", "--id", "1", "--id", "2", f},
            new String[] {"evtx", "--threads", "2", f},
            new String[] {"evtx", "--help"},
            new String[] {"evtx", "-h", f},
            new String[] {"evtx", "--version"},
            new String[] {"evtx", "--", f},
            new String[] {"evtx", "--provider", "", f},
            new String[] {"evtx", "--provider"});
    for (String[] args : cases) {
      Printed quick = printed(true, args);
      Printed parsed = printed(false, args);
      assertThat(quick).as(String.join(" ", args)).isEqualTo(parsed);
    }
  }

  @Test
  void aMissingFileIsAUsageErrorLikeForAnalyzeOnBothPaths() throws IOException {
    String missing = dir.resolve("missing.evtx").toString();
    for (boolean quick : new boolean[] {true, false}) {
      Printed p = printed(quick, "evtx", log().toString(), missing);
      assertThat(p.exitCode()).as("quick=" + quick).isEqualTo(ExitCodes.USAGE);
      assertThat(p.err().trim()).isEqualTo("mapiscope: no such file or folder: " + missing);
      assertThat(p.out()).isEmpty();
    }
    CliRun analyze = CliRun.of("analyze", missing);
    assertThat(analyze.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(analyze.err()).contains("no such file or folder: " + missing);
  }

  @Test
  void quickStartLeavesToTheParserWhatItDoesNotParseItself() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<String[]> declined =
        new ArrayList<>(
            List.of(
                new String[] {"evtx"},
                new String[] {"evtx", "--help"},
                new String[] {"evtx", "@args.txt"},
                new String[] {"evtx", "--format", "csv", "a.evtx"},
                new String[] {"evtx", "--id", "0x10", "a.evtx"},
                new String[] {"analyze", "a.evtx"},
                new String[] {"evtx", "--unknown", "a.evtx"}));
    for (String[] args : declined) {
      assertThat(EvtxFastPath.tryRun(args, sink, sink)).as(String.join(" ", args)).isNull();
    }
  }

  @Test
  void aDecoderBugIsAnInternalErrorNamingTheFileAndOffsetOnBothPaths() throws IOException {
    long faulty = 7_700_008;
    Path file = dir.resolve("Faulty.evtx");
    EvtxTestWriter.write(
        file,
        List.of(
            TestEvent.information(
                faulty,
                Instant.parse("2026-11-02T08:15:00Z"),
                "EX01",
                "MSExchangeIS",
                1000,
                16390,
                6,
                List.of())));
    long offset;
    try (EvtxParser parser = EvtxParser.open(file)) {
      offset = parser.stream().findFirst().orElseThrow().fileOffset();
    }
    DecoderFaults.Injected fault = DecoderFaults.failOnRecord(faulty);
    try {
      for (boolean quick : new boolean[] {true, false}) {
        Printed p = printed(quick, "evtx", file.toString());
        assertThat(p.exitCode()).as("quick=" + quick).isEqualTo(ExitCodes.INTERNAL);
        assertThat(p.err())
            .as("quick=" + quick)
            .contains("mapiscope: internal error")
            .contains(file.toString())
            .contains("offset 0x" + Long.toHexString(offset))
            .doesNotContain("skipped");
      }
    } finally {
      fault.close();
    }
  }

  private record Printed(int exitCode, String out, String err) {}

  private static Printed printed(boolean quick, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = quick ? Main.run(o, e, args) : MapiscopeCommand.commandLine(o, e).execute(args);
    return new Printed(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
