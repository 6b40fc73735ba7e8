package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.TestEvent;

/** {@code mapiscope analyze} end to end on files, through the real command line. */
class AnalyzeCommandTest {

  @TempDir Path dir;

  @Test
  void analysesTheBundledExampleAsTheReadmePromises() throws IOException {
    Path json = dir.resolve("result.json");
    Path html = dir.resolve("report.html");
    Path scripts = dir.resolve("scripts");

    CliRun run =
        CliRun.of(
            "analyze",
            CliRun.example().toString(),
            "--json",
            json.toString(),
            "--html",
            html.toString(),
            "--scripts",
            scripts.toString(),
            "--timezone",
            "Europe/Berlin");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Event 9646", "DEAD_CLIENT_SESSIONS", "KEEPALIVE_TOO_LONG");
    JsonNode result = CliRun.json(json);
    assertThat(result.at("/tool/name").asText()).isEqualTo("mapiscope");
    assertThat(result.at("/inputs")).hasSize(3);
    assertThat(result.at("/inputs").findValuesAsText("format"))
        .containsExactlyInAnyOrder("rca", "event-xml", "reg");
    assertThat(result.at("/limitEvents/total").asLong()).isEqualTo(336);
    assertThat(result.at("/limitEvents/byObjectType/session").asLong()).isEqualTo(336);
    List<String> causes = result.at("/findings").findValuesAsText("cause");
    assertThat(causes)
        .contains("DEAD_CLIENT_SESSIONS", "KEEPALIVE_TOO_LONG")
        .doesNotContain("LIMIT_BELOW_NEED", "SESSION_HUNGRY_CLIENT", "MIDDLEBOX_HOLDING");
    // Dead sessions explain the events: never a raised limit (docs/domain.md).
    assertThat(result.at("/recommendations/sessionLimit")).isEmpty();
    assertThat(result.at("/recommendations/keepAliveTimeMs").asLong()).isEqualTo(1_800_000L);
    assertThat(Files.readString(html)).contains("Event 9646", "qcampbell");
    assertThat(scripts.resolve("README.txt")).exists();
    try (var files = Files.list(scripts)) {
      assertThat(
              files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".reg")).toList())
          .hasSize(2)
          .anyMatch(n -> n.contains("rollback"));
    }
  }

  @Test
  void writesJsonToStandardOutputAndTheSummaryToStandardError() throws IOException {
    CliRun run = CliRun.of("analyze", CliRun.example().toString(), "--json", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outJson().at("/limitEvents/total").asLong()).isEqualTo(336);
    assertThat(run.err()).contains("Event 9646");
  }

  @Test
  void failOnFindingsExitsWithFour() {
    CliRun run = CliRun.of("analyze", CliRun.example().toString(), "--fail-on-findings", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void readsEvent9646FromAnEvtxFile() throws IOException {
    Instant t = Instant.parse("2026-11-02T08:15:00Z");
    List<TestEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(
          TestEvent.mapiLimit9646(
              100 + i,
              t.plusSeconds(60L * i),
              "EX03.contoso.com",
              "/o=Contoso/ou=Exchange Administrative Group"
                  + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=BESAdmin",
              32,
              "session"));
    }
    Path evtx = dir.resolve("EX03").resolve("Application.evtx");
    Files.createDirectories(evtx.getParent());
    EvtxTestWriter.write(evtx, events);

    CliRun run = CliRun.of("analyze", dir.toString(), "--json", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode result = run.outJson();
    assertThat(result.at("/inputs/0/format").asText()).isEqualTo("evtx");
    assertThat(result.at("/limitEvents/byUser/0/user").asText()).isEqualTo("besadmin");
    assertThat(result.at("/limitEvents/byUser/0/count").asLong()).isEqualTo(5);
    assertThat(result.at("/limitEvents/byUser/0/servers/0").asText()).isEqualTo("ex03");
  }

  @Test
  void listsBrokenRecordsAndUnknownFilesAndGoesOn() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "remember to call the VPN team\n");
    Files.writeString(
        dir.resolve("hostile.xml"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE Events [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
        <Provider Name="MSExchangeIS"/><EventID Qualifiers="49158">9646</EventID>
        <TimeCreated SystemTime="2026-11-02T08:15:00.000Z"/><Computer>EX01</Computer></System>
        <EventData><Data>&xxe;</Data><Data>32</Data><Data>session</Data></EventData></Event></Events>
        """);
    Files.copy(
        CliRun.example().resolve("EX01/eventlog/Application-9646.xml"), dir.resolve("good.xml"));

    CliRun run = CliRun.of("analyze", dir.toString(), "--json", "-");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    JsonNode inputs = run.outJson().at("/inputs");
    assertThat(inputs.findValuesAsText("format")).contains("unrecognized", "event-xml");
    String hostileErrors =
        inputs.findParents("path").stream()
            .filter(n -> n.get("path").asText().endsWith("hostile.xml"))
            .map(n -> n.get("errors").toString())
            .findFirst()
            .orElseThrow();
    assertThat(hostileErrors).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
    assertThat(run.outJson().at("/limitEvents/total").asLong()).isEqualTo(336);
  }

  @Test
  void saysWhatToCollectWhenOnlyTheEventLogWasGiven() {
    CliRun run = CliRun.of("analyze", CliRun.example().resolve("EX01/eventlog").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("4 users with session-limit 9646 but no session evidence")
        .contains("RPC Client Access");
  }

  @Test
  void nothingReadableExitsWithTwo() throws IOException {
    Files.write(dir.resolve("random.bin"), new byte[] {1, 2, 3, 4, 5});

    CliRun run = CliRun.of("analyze", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOTHING_READABLE);
    assertThat(run.out()).contains("nothing readable", "random.bin");
  }

  @Test
  void aDamagedZipAloneIsNothingReadableAndSaysWhy() throws IOException {
    byte[] junk = new byte[2048];
    java.util.Arrays.fill(junk, (byte) 0x5A);
    junk[0] = 'P';
    junk[1] = 'K';
    junk[2] = 3;
    junk[3] = 4;
    Files.write(dir.resolve("evidence.zip"), junk);

    CliRun run = CliRun.of("analyze", dir.resolve("evidence.zip").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOTHING_READABLE);
    assertThat(run.out())
        .contains("nothing readable", "evidence.zip: unreadable", "damaged zip archive");
  }

  @Test
  void aDamagedZipNextToAReadableLogIsListedAsUnreadable() throws IOException {
    Files.write(dir.resolve("broken.zip"), new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9});
    Files.writeString(
        dir.resolve("RCA_20261102-1.LOG"),
        "#Software: Microsoft Exchange Server\r\n"
            + "#Version: 14.0.0.0\r\n"
            + "#Log-type: RCA Protocol Logs\r\n"
            + "#Date: 2026-11-02T08:00:00.000Z\r\n"
            + "#Fields:"
            + " date-time,session-id,seq-number,client-name,organization-info,client-software,client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,processing-time,operation-specific,failures\r\n"
            + "2026-11-02T08:00:00.000Z,1,0,/o=Contoso/cn=alice,,OUTLOOK.EXE,14.0.7172.5000,Cached,10.1.1.77:5000,10.1.1.5,ncacn_ip_tcp,,Connect,0,0,,\r\n");
    Path json = dir.resolve("out.json");

    CliRun run = CliRun.of("analyze", dir.toString(), "--json", json.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "2 files",
            "1 unreadable",
            "could not be read: damaged zip archive, no entry can be listed",
            "broken.zip");
    List<String> formatAndOutcome = new ArrayList<>();
    CliRun.json(json)
        .get("inputs")
        .forEach(
            i ->
                formatAndOutcome.add(
                    i.get("path").asText().replace(dir.toString(), "")
                        + " "
                        + i.get("format").asText()
                        + " "
                        + i.get("outcome").asText()));
    assertThat(formatAndOutcome)
        .containsExactlyInAnyOrder(
            "/broken.zip unreadable unreadable", "/RCA_20261102-1.LOG rca read");
  }

  @Test
  void aSymbolicLinkLoopIsListedAsUnreadableNotAsMissing() throws IOException {
    Path loop = dir.resolve("loop");
    try {
      Files.createSymbolicLink(loop, loop);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          false, "symbolic links cannot be made here: " + e);
    }

    CliRun run = CliRun.of("analyze", loop.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOTHING_READABLE);
    assertThat(run.err()).doesNotContain("no such file or folder");
    assertThat(run.out()).contains("loop: unreadable", "symbolic link loop");
  }

  @Test
  void aMissingPathIsAUsageError() {
    CliRun run = CliRun.of("analyze", dir.resolve("no-such-folder").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no such file or folder").contains("no-such-folder");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(CliRun.of("analyze").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("analyze", ".", "--timezone", "Mars/Olympus").err())
        .contains("not a time zone");
    assertThat(CliRun.of("analyze", ".", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aFileThatCannotBeWrittenIsReportedWithoutAStackTrace() throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where a folder is needed", StandardCharsets.UTF_8);

    CliRun run =
        CliRun.of(
            "analyze",
            CliRun.example().toString(),
            "--json",
            blocker.resolve("out.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("cannot write the JSON result").doesNotContain("\tat ");
  }

  @Test
  void printsVersionAndHelp() {
    assertThat(CliRun.of("--version").out()).startsWith("mapiscope ");
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("analyze", "simulate", "compare", "evtx", "Exit codes");
  }
}
