package org.mapiscope.ingest.binarylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.testkit.EvtTestWriter;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.TestEvent;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.LimitEvent;

class BinaryLogEvidenceReaderTest {

  private static final Instant T0 = Instant.parse("2026-11-02T08:15:00.1234567Z");
  private static final String DN = "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=JDoe";

  @TempDir Path dir;

  private static List<TestEvent> applicationLog() {
    return List.of(
        TestEvent.information(
            1,
            T0.minusSeconds(60),
            "EX01.contoso.com",
            "MSExchangeIS",
            1000,
            16390,
            6,
            List.of("started")),
        TestEvent.mapiLimit9646(2, T0, "EX01.contoso.com", DN, 32, "session"),
        TestEvent.mapiLimit9646(
            3,
            T0.plusSeconds(5),
            "EX01.contoso.com",
            "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99",
            500,
            "objtFolder"));
  }

  private record Run(IngestResult result, List<Evidence> evidence) {
    InputSummary only() {
      assertThat(result.inputs()).hasSize(1);
      return result.inputs().get(0);
    }
  }

  private static Run ingest(Path path) {
    List<Evidence> evidence = new java.util.ArrayList<>();
    IngestResult result =
        Ingestor.builder().threads(1).build().ingest(List.of(path), evidence::add);
    return new Run(result, evidence);
  }

  @Test
  void readsEvent9646FromEvtxInsertionStrings() throws IOException {
    Path file = dir.resolve("Application.evtx");
    EvtxTestWriter.write(file, applicationLog());

    Run run = ingest(file);

    assertThat(run.only().format()).isEqualTo("evtx");
    assertThat(run.only().records()).isEqualTo(3);
    assertThat(run.evidence()).hasSize(2).allMatch(e -> e instanceof LimitEvent);
    LimitEvent first = (LimitEvent) run.evidence().get(0);
    assertThat(first.user()).isEqualTo("jdoe");
    assertThat(first.dn()).isEqualTo(DN);
    assertThat(first.limit()).isEqualTo(32);
    assertThat(first.objectType()).isEqualTo("session");
    assertThat(first.server()).isEqualTo("EX01.contoso.com");
    assertThat(first.time()).isEqualTo(T0);
    assertThat(first.ref()).isEqualTo(EvidenceRef.record(file.toString(), 2));
    assertThat(first.recordId()).isEqualTo(2L);
    LimitEvent guidOnly = (LimitEvent) run.evidence().get(1);
    assertThat(guidOnly.user()).isEqualTo("ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99");
    assertThat(guidOnly.objectType()).isEqualTo("objtFolder");
    assertThat(guidOnly.recordId()).isEqualTo(3L);
  }

  @Test
  void readsEvtxInsideAZipThroughATemporaryCopy() throws IOException {
    Path zip = dir.resolve("evidence.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("EX01/Application.evtx"));
      z.write(EvtxTestWriter.bytes(applicationLog()));
      z.closeEntry();
    }

    Run run = ingest(zip);

    assertThat(run.only().format()).isEqualTo("evtx");
    assertThat(run.evidence()).hasSize(2);
    assertThat(((LimitEvent) run.evidence().get(0)).ref().file()).endsWith("Application.evtx");
  }

  @Test
  void readsEvent9646FromLegacyEvt() throws IOException {
    Path file = dir.resolve("AppEvent.Evt");
    Instant whole = Instant.parse("2026-11-02T08:15:00Z"); // .evt keeps whole seconds
    EvtTestWriter.write(
        file,
        List.of(
            TestEvent.information(
                1,
                whole.minusSeconds(60),
                "EX2003",
                "MSExchangeIS",
                1000,
                16390,
                6,
                List.of("started")),
            TestEvent.mapiLimit9646(2, whole, "EX2003", DN, 32, "session")));

    Run run = ingest(file);

    assertThat(run.only().format()).isEqualTo("evt");
    assertThat(run.only().records()).isEqualTo(2);
    assertThat(run.evidence())
        .singleElement()
        .satisfies(
            e -> {
              LimitEvent limit = (LimitEvent) e;
              assertThat(limit.user()).isEqualTo("jdoe");
              assertThat(limit.time()).isEqualTo(whole);
              assertThat(limit.server()).isEqualTo("EX2003");
              assertThat(limit.recordId()).isEqualTo(2L);
            });
  }

  @Test
  void listsDamageWithItsOffsetAndKeepsTheIntactRecords() throws IOException {
    byte[] bytes = EvtxTestWriter.bytes(applicationLog());
    // Break the first record's signature: the reader must skip it, say where, and keep the others.
    int firstRecord = 4096 + 512;
    bytes[firstRecord] = 'X';
    Path file = dir.resolve("damaged.evtx");
    Files.write(file, bytes);

    Run run = ingest(file);

    assertThat(run.only().format()).isEqualTo("evtx");
    assertThat(run.only().skipped()).isPositive();
    assertThat(run.only().errors().get(0).where()).contains("offset 0x");
    assertThat(run.evidence()).hasSize(2);
  }

  @Test
  void readsEveryRecordOfAnEvtxWhoseFileHeaderWasOverwrittenAndSaysWhere() throws IOException {
    byte[] bytes = EvtxTestWriter.bytes(applicationLog());
    java.util.Arrays.fill(bytes, 0, 128, (byte) 0x41); // the first 128 bytes overwritten
    Path file = dir.resolve("wiped.evtx");
    Files.write(file, bytes);

    Run run = ingest(file);

    assertThat(run.only().format()).isEqualTo("evtx");
    assertThat(run.only().records()).isEqualTo(3);
    assertThat(run.evidence()).hasSize(2);
    assertThat(run.only().errors())
        .anySatisfy(
            e -> {
              assertThat(e.where()).contains("offset 0x0");
              assertThat(e.message()).contains("damaged file header");
            });
  }

  @Test
  void warnsAboutAnEvtxCutAtItsHeader() throws IOException {
    byte[] bytes = EvtxTestWriter.bytes(applicationLog());
    Path file = dir.resolve("cut.evtx");
    Files.write(file, java.util.Arrays.copyOf(bytes, 4096));

    Run run = ingest(file);

    assertThat(run.only().format()).isEqualTo("evtx");
    assertThat(run.only().errors())
        .anySatisfy(
            e -> {
              assertThat(e.where()).contains("offset 0x1000");
              assertThat(e.message()).contains("no chunks");
            });
  }

  @Test
  void doesNotMistakeTextForABinaryLog() {
    var sniff =
        org.mapiscope.ingest.Sniff.of(
            "x.txt", "ElfFil".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(new EvtxEvidenceReader().detect(sniff)).isFalse();
    assertThat(new EvtEvidenceReader().detect(sniff)).isFalse();
  }
}
