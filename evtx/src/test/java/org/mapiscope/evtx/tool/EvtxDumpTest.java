package org.mapiscope.evtx.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.TestEvent;
import org.xml.sax.SAXException;

/** The dump command run in-process on the shared samples. */
class EvtxDumpTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static Path sample(String name) {
    String repo = System.getProperty("mapiscope.repo");
    Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
    Path p = root.resolve("../shared/samples/evtx").resolve(name).normalize();
    assumeTrue(Files.isRegularFile(p), "sample " + p + " not present; skipping");
    return p;
  }

  private int run(List<Path> files, String format, Integer id, String provider) {
    return EvtxDump.run(
        DumpOptions.of(files, format, id == null ? null : id.toString(), provider, null),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void jsonLinesCarryTheContractKeysInFileOrder() {
    assertThat(run(List.of(sample("system.evtx")), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
    List<String> lines = lines();
    assertThat(lines).hasSize(1881);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"recordId\":1,\"timeCreated\":\"2017-07-12T17:16:28.2141616Z\","
                + "\"eventId\":6009,\"qualifiers\":32768,\"provider\":\"EventLog\",\"channel\":\"System\","
                + "\"computer\":\"WIN-P4SIAA0SQCO\",\"level\":4,\"task\":0,\"data\":[{\"value\":\"10.00.\"},{\"value\":\"15063\"},{\"value\":\"\"},{\"value\":\"Multiprocessor"
                + " Free\"},{\"value\":\"0\"}]}");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void filtersByEventIdAndProvider() {
    run(List.of(sample("system.evtx")), "jsonl", 7045, "service control manager");
    assertThat(lines())
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l)
                    .contains("\"eventId\":7045,")
                    .contains("\"provider\":\"Service Control Manager\""));
  }

  @Test
  void xmlIsOneDocument() {
    run(List.of(sample("Security_short_selected.evtx")), "xml", null, null);
    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n<Event xmlns=")
        .endsWith("</Event>\n</Events>\n");
    assertThat(xml.split("<Event xmlns=", -1)).hasSize(8);
  }

  @Test
  void damageGoesToErrWithFileAndHexOffset() {
    Path file = sample("sample_with_a_bad_chunk_magic.evtx");
    assertThat(run(List.of(file), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .contains(
            file
                + ": offset 0x61000: bad chunk signature; header ignored, searching the chunk for"
                + " records")
        .allSatisfy(
            l -> assertThat(l).startsWith(file + ": offset 0x").doesNotContain("Exception"));
  }

  @Test
  void nothingReadableExitsWithTwo(@TempDir Path dir) throws IOException {
    Path junk = dir.resolve("junk.evtx");
    Files.writeString(junk, "not an event log at all");
    assertThat(run(List.of(junk, dir), "jsonl", null, null)).isEqualTo(EvtxDump.NOTHING_READABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(junk + ": not an EVTX or EVT event log")
        .contains(dir + ": cannot read: is a folder");
    assertThat(out.size()).isZero();
  }

  @Test
  void aMissingFileIsAUsageErrorAndNothingIsDumped(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("Application.evtx");
    EvtxTestWriter.write(good, events());
    Path missing = dir.resolve("missing.evtx");
    assertThat(run(List.of(good, missing), "jsonl", null, null)).isEqualTo(EvtxDump.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("evtx: no such file or folder: " + missing);
    assertThat(out.size()).isZero();
  }

  @Test
  void anUnreadableFileGivesTheReason(@TempDir Path dir) throws IOException {
    Path locked = dir.resolve("locked.evtx");
    EvtxTestWriter.write(locked, events());
    assumeTrue(
        locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
        "permissions cannot be taken away here (Windows or root); skipping");
    assertThat(run(List.of(locked), "jsonl", null, null)).isEqualTo(EvtxDump.NOTHING_READABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(locked + ": cannot read: permission denied");
  }

  private static List<TestEvent> events() {
    Instant t = Instant.parse("2026-11-02T08:15:00Z");
    return List.of(
        TestEvent.information(1, t, "EX01", "MSExchangeIS", 1000, 16390, 6, List.of("up")),
        TestEvent.mapiLimit9646(
            2, t.plusSeconds(1), "EX01", "/o=Contoso/cn=Recipients/cn=jdoe", 32, "session"),
        TestEvent.mapiLimit9646(
            3, t.plusSeconds(2), "EX01", "/o=Contoso/cn=Recipients/cn=ann", 32, "session"));
  }

  @Test
  void aWipedFileHeaderIsReportedAndEveryRecordStillDumped(@TempDir Path dir) throws IOException {
    byte[] bytes = EvtxTestWriter.bytes(events());
    Arrays.fill(bytes, 0, 128, (byte) 0);
    Path file = dir.resolve("wiped.evtx");
    Files.write(file, bytes);
    assertThat(run(List.of(file), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
    assertThat(lines()).hasSize(3);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            file
                + ": offset 0x0: damaged file header: no EVTX file signature (ElfFile); reading"
                + " records from the 1 chunk with an ElfChnk signature");
  }

  @Test
  void aFileCutAtItsHeaderIsReported(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cut.evtx");
    Files.write(file, Arrays.copyOf(EvtxTestWriter.bytes(events()), 4096));
    assertThat(run(List.of(file), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            file + ": offset 0x1000: file ends right after its header: no chunks, no records");
  }

  @Test
  void aFileWithTheSignatureButShorterThanAHeaderIsCalledTruncated(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("short.evtx");
    Files.write(file, Arrays.copyOf(EvtxTestWriter.bytes(events()), 100));
    run(List.of(file), "jsonl", null, null);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(file + ": offset 0x64: file truncated inside its header: 100 of 4096 bytes")
        .doesNotContain("no EVTX file signature");
  }

  /** Every sample's XML parses with a parser that refuses DTDs and external entities. */
  @Test
  void xmlOfEverySampleIsWellFormed() throws Exception {
    Path samples = sample("system.evtx").getParent();
    List<Path> files;
    try (var list = Files.list(samples)) {
      files = list.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      out.reset();
      run(List.of(file), "xml", null, null);
      byte[] xml = out.toByteArray();
      assertThat(xml.length).as(file.toString()).isGreaterThan(100);
      try {
        secureParser().parse(new ByteArrayInputStream(xml));
      } catch (SAXException e) {
        throw new AssertionError(file + ": XML not well-formed: " + e.getMessage(), e);
      }
    }
  }

  static DocumentBuilder secureParser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b;
  }

  /** A named pipe is copied once to a temporary file and read from there, with a note on stderr. */
  @Test
  void readsANamedPipe(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    byte[] bytes = EvtxTestWriter.bytes(events());
    Thread feeder = feed(fifo, bytes);
    int code =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> run(List.of(fifo), "jsonl", null, null));
    feeder.join(5000);
    assertThat(code).isEqualTo(EvtxDump.OK);
    assertThat(lines()).hasSize(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            fifo
                + ": not a regular file (a pipe or device): "
                + "copying it to a temporary file first (at most 4 GiB)");
  }

  @Test
  void refusesAPipeLongerThanTheBound(@TempDir Path dir) throws Exception {
    Path fifo = fifo(dir);
    byte[] bytes = EvtxTestWriter.bytes(events());
    long saved = EvtxDump.spoolLimit;
    EvtxDump.spoolLimit = 4096;
    try {
      Thread feeder = feed(fifo, bytes);
      int code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20), () -> run(List.of(fifo), "jsonl", null, null));
      feeder.join(5000);
      assertThat(code).isEqualTo(EvtxDump.NOTHING_READABLE);
      assertThat(out.size()).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains(fifo + ": more than 4096 bytes from a pipe or device: not read");
    } finally {
      EvtxDump.spoolLimit = saved;
    }
  }

  private static Path fifo(Path dir) throws Exception {
    assumeTrue(
        !System.getProperty("os.name").startsWith("Windows"),
        "no named pipes on Windows; skipping");
    Path fifo = dir.resolve("pipe.evtx");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo not available; skipping");
      throw e;
    }
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed; skipping");
    return fifo;
  }

  private static Thread feed(Path fifo, byte[] bytes) {
    Thread t =
        new Thread(
            () -> {
              try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(bytes);
              } catch (IOException e) {
                // the reader stopped early (over the bound): nothing to do
              }
            },
            "fifo-feeder");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertThat(
            EvtxDump.main(
                new String[] {"--format", "csv", "x"}, new PrintStream(out), new PrintStream(err)))
        .isEqualTo(EvtxDump.USAGE);
    assertThat(
            EvtxDump.main(new String[] {"--id", "x"}, new PrintStream(out), new PrintStream(err)))
        .isEqualTo(EvtxDump.USAGE);
  }
}
