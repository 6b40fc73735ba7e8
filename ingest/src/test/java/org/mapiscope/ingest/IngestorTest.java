package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;

class IngestorTest {

  @TempDir Path dir;

  private final List<Evidence> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean inside = new AtomicBoolean();
  private final AtomicBoolean overlapped = new AtomicBoolean();

  /** Records evidence and notices when it is called concurrently. */
  private void accept(Evidence e) {
    if (!inside.compareAndSet(false, true)) {
      overlapped.set(true);
    }
    received.add(e);
    Thread.onSpinWait();
    inside.set(false);
  }

  private IngestResult ingest(Ingestor ingestor, Path... paths) {
    return ingestor.ingest(List.of(paths), this::accept);
  }

  private static Ingestor.Builder builder() {
    return Ingestor.builder().timezone(ZoneId.of("UTC")).threads(4);
  }

  /** Two servers' RCA folders with files whose names sort wrongly as plain strings. */
  private void twoServers(Path root, int filesPerServer, int rowsPerFile) throws IOException {
    for (String server : List.of("EX01", "EX02")) {
      Path logs =
          root.resolve(server).resolve("V14").resolve("Logging").resolve("RPC Client Access");
      for (int f = filesPerServer; f >= 1; f--) {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < rowsPerFile; r++) {
          rows.append(
              Fixtures.rcaRow(
                  String.format("2026-11-02T%02d:%02d:%02d.000Z", f % 24, r / 60 % 60, r % 60),
                  f * 10_000 + r,
                  "u" + r + server,
                  "Connect")); // servers' logs never match byte for byte
        }
        Fixtures.write(logs.resolve("RCA_20261102-" + f + ".LOG"), Fixtures.rca(rows.toString()));
      }
    }
  }

  @Test
  void readsEachServersRcaFilesInNaturalOrderAndNeverCallsTheSinkConcurrently() throws IOException {
    twoServers(dir, 12, 300);
    List<Long> progress = Collections.synchronizedList(new ArrayList<>());
    IngestResult result =
        ingest(
            builder().progress(p -> progress.add(p.filesDone() * 1000 + p.filesTotal())).build(),
            dir);
    assertThat(overlapped).isFalse();
    assertThat(result.inputs())
        .hasSize(24)
        .allSatisfy(
            i -> {
              assertThat(i.format()).isEqualTo("rca");
              assertThat(i.records()).isEqualTo(300);
            });
    assertThat(result.inputs().get(0).path()).endsWith("RCA_20261102-1.LOG");
    assertThat(result.inputs().get(1).path()).endsWith("RCA_20261102-2.LOG");
    assertThat(result.inputs().get(11).path()).endsWith("RCA_20261102-12.LOG");
    for (String server : List.of("EX01", "EX02")) {
      List<String> order =
          received.stream()
              .map(SessionEvent.class::cast)
              .filter(e -> e.server().equals(server))
              .map(
                  e ->
                      e.ref().file().replaceAll(".*RCA_20261102-(\\d+)\\.LOG", "$1")
                          + ":"
                          + e.ref().position())
              .toList();
      List<String> expected = new ArrayList<>();
      for (int f = 1; f <= 12; f++) {
        for (int line = 6; line < 306; line++) {
          expected.add(f + ":" + line);
        }
      }
      assertThat(order).as(server).isEqualTo(expected);
    }
    assertThat(progress).hasSize(24).last().isEqualTo(24_024L);
  }

  @Test
  void oneServersLogsInSeveralFoldersAreReadOneAfterAnotherInLogNameOrder() throws IOException {
    // EX01/march and EX01/april: two folders, one server; on two threads they would interleave.
    for (int month = 3; month <= 4; month++) {
      Path logs = dir.resolve("EX01").resolve(month == 3 ? "march" : "april");
      for (int day = 1; day <= 6; day++) {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < 200; r++) {
          rows.append(
              Fixtures.rcaRow(
                  String.format("2026-%02d-%02dT10:%02d:%02d.000Z", month, day, r / 60, r % 60),
                  month * 100_000 + day * 1_000 + r,
                  "u" + r,
                  "Connect"));
        }
        Fixtures.write(
            logs.resolve(String.format("RCA_2026%02d%02d-1.LOG", month, day)),
            Fixtures.rca(rows.toString()));
      }
    }
    ingest(builder().build(), dir);
    List<java.time.Instant> times =
        received.stream()
            .map(SessionEvent.class::cast)
            .peek(e -> assertThat(e.server()).isEqualTo("EX01"))
            .map(SessionEvent::time)
            .toList();
    assertThat(times).hasSize(2 * 6 * 200).isSorted();
  }

  @Test
  void listsUnrecognizedAndMissingInputsAndAttributesServersByPath() throws IOException {
    Fixtures.write(dir.resolve("notes.txt"), "nothing to see");
    Fixtures.write(
        dir.resolve("exports").resolve("EX07-tcpip.reg"),
        "REGEDIT4\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n"
            + "\"KeepAliveTime\"=dword:001b7740\r\n");
    IngestResult result = ingest(builder().build(), dir, dir.resolve("nope"));
    assertThat(result.inputs())
        .extracting(InputSummary::format)
        .containsExactly("reg", "unrecognized", "missing");
    assertThat(result.inputs().get(2).errors())
        .extracting(InputError::message)
        .singleElement()
        .asString()
        .contains("does not exist");
    assertThat(received)
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        Setting.class, s -> assertThat(s.server()).isEqualTo("EX07")));
    assertThat(result.anythingRecognized()).isTrue();
  }

  @Test
  void aReaderThatThrowsCostsOnlyItsFile() throws IOException {
    FormatReader broken =
        new FormatReader() {
          @Override
          public String format() {
            return "boom";
          }

          @Override
          public boolean detect(Sniff sniff) {
            return sniff.text().startsWith("BOOM");
          }

          @Override
          public void read(InputFile input, ReadContext context) throws IOException {
            try (InputStream in = input.open()) {
              if (in.readAllBytes().length > 4) {
                throw new IOException("disk gone");
              }
            }
            throw new IllegalStateException("bug");
          }
        };
    Fixtures.write(dir.resolve("a.txt"), "BOOM");
    Fixtures.write(dir.resolve("b.txt"), "BOOM and more");
    Fixtures.write(
        dir.resolve("c.LOG"),
        Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00Z", 1, "jdoe", "Connect")));
    List<FormatReader> readers = new ArrayList<>(FormatRegistry.standard().readers());
    readers.add(0, broken);
    IngestResult result = ingest(builder().registry(new FormatRegistry(readers)).build(), dir);
    assertThat(result.inputs())
        .extracting(InputSummary::format)
        .containsExactly("boom", "boom", "rca");
    assertThat(result.inputs().get(0).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.where()).endsWith("a.txt");
              assertThat(e.message()).contains("internal error", "a.txt", "bug");
            });
    assertThat(result.inputs().get(1).errors().get(0).message()).contains("b.txt", "disk gone");
    assertThat(result.inputs().get(2).records()).isEqualTo(1);
  }

  @Test
  void readsZipAndGzipNestedTooWithEntryPathsAndFolderHints() throws IOException {
    // A different session per server: byte-identical logs would be read once (duplicates).
    java.util.function.IntFunction<byte[]> rca =
        session ->
            Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00Z", session, "jdoe", "Connect"))
                .getBytes(StandardCharsets.US_ASCII);
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("EX09/RCA_20261102-1.LOG", rca.apply(9));
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("EX02/Logging/RCA_20261102-1.LOG", rca.apply(2));
    outer.put("EX03/RCA_20261102-1.LOG.gz", Fixtures.gzip(rca.apply(3)));
    outer.put("more.zip", Fixtures.zip(inner));
    Fixtures.write(dir.resolve("evidence.zip"), Fixtures.zip(outer));
    Fixtures.write(
        dir.resolve("EX04").resolve("RCA_20261102-1.LOG.gz"), Fixtures.gzip(rca.apply(4)));
    IngestResult result = ingest(builder().build(), dir);
    assertThat(result.inputs())
        .extracting(InputSummary::path, InputSummary::format, InputSummary::records)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("evidence.zip") + "!/EX02/Logging/RCA_20261102-1.LOG", "rca", 1L),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("evidence.zip") + "!/EX03/RCA_20261102-1.LOG.gz", "rca", 1L),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("evidence.zip") + "!/more.zip!/EX09/RCA_20261102-1.LOG", "rca", 1L),
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("EX04").resolve("RCA_20261102-1.LOG.gz").toString(), "rca", 1L));
    assertThat(received)
        .extracting(e -> ((SessionEvent) e).server())
        .containsExactlyInAnyOrder("EX04", "EX02", "EX03", "EX09");
  }

  @Test
  void serverHintsSkipGenericFoldersAndFallBackToTheFileName() {
    assertThat(
            ServerHints.of(
                List.of("EX01", "V15", "Logging", "RPC Client Access"), "RCA_20261102-1.LOG"))
        .isEqualTo("EX01");
    assertThat(ServerHints.of(List.of("case-2026-11-02"), "EX01_netstat.txt")).isEqualTo("EX01");
    assertThat(ServerHints.of(List.of("logs"), "EX01-tcpip.reg")).isEqualTo("EX01");
    assertThat(ServerHints.of(List.of("Exchange Server", "export"), "tcpip.reg")).isNull();
    assertThat(ServerHints.of(List.of("mbx02.contoso.com.zip"), "RCA_1.LOG"))
        .isEqualTo("mbx02.contoso.com");
    assertThat(ServerHints.of(List.of(), "logons-20261102-0815.csv")).isNull();
    assertThat(ServerHints.of(List.of(), "RCA_20261102-1.LOG")).isNull();
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "RCA_20261102-10.LOG",
                "RCA_20261102-2.LOG",
                "RCA_20261101-1.LOG",
                "rca_20261102-1.LOG",
                "RCA_20261102-02.LOG"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names)
        .containsExactly(
            "RCA_20261101-1.LOG",
            "rca_20261102-1.LOG",
            "RCA_20261102-02.LOG",
            "RCA_20261102-2.LOG",
            "RCA_20261102-10.LOG");
  }

  /**
   * An RCA log of {@code rows} rows (about 140 bytes each), larger than the 64 KiB head from 500
   * rows on.
   */
  private static String rcaLog(int session, int rows) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      b.append(
          Fixtures.rcaRow(
              String.format("2026-11-02T08:%02d:%02d.000Z", r / 60 % 60, r % 60),
              session + r,
              "u" + r % 10,
              "Connect"));
    }
    return Fixtures.rca(b.toString());
  }

  @Test
  void aFolderCopiedTwiceIsReadOnceAndTheCopiesAreListedAsDuplicates() throws IOException {
    String one = rcaLog(1000, 600);
    String two = rcaLog(2000, 600);
    // Same size and same first 64 KiB as `one`, a different last row: only the whole-content CRC
    // tells them apart.
    String almost =
        one.substring(0, one.length() - 5) + "1,,\r\n"; // processing-time 1 instead of 0
    assertThat(almost).hasSameSizeAs(one).isNotEqualTo(one);
    assertThat(one.length()).isGreaterThan(Sniff.HEAD_BYTES);
    Path original = dir.resolve("case").resolve("EX01");
    Path copy = dir.resolve("case - Copy").resolve("EX01");
    Fixtures.write(original.resolve("RCA_20261102-1.LOG"), one);
    Fixtures.write(original.resolve("RCA_20261102-2.LOG"), two);
    Fixtures.write(copy.resolve("RCA_20261102-1.LOG"), one);
    Fixtures.write(copy.resolve("RCA_20261102-2.LOG"), two);
    Fixtures.write(copy.resolve("RCA_20261102-3.LOG"), almost);
    Fixtures.write(copy.resolve("notes.txt"), "not evidence");
    Fixtures.write(original.resolve("notes.txt"), "not evidence");

    IngestResult result = ingest(builder().build(), dir);

    assertThat(result.inputs())
        .extracting(
            i -> dir.relativize(Path.of(i.path())).toString().replace('\\', '/'),
            InputSummary::format,
            InputSummary::records)
        .containsExactly(
            tuple("case/EX01/notes.txt", "unrecognized", 0L),
            tuple("case/EX01/RCA_20261102-1.LOG", "rca", 600L),
            tuple("case/EX01/RCA_20261102-2.LOG", "rca", 600L),
            tuple("case - Copy/EX01/notes.txt", "unrecognized", 0L),
            tuple("case - Copy/EX01/RCA_20261102-1.LOG", "duplicate", 0L),
            tuple("case - Copy/EX01/RCA_20261102-2.LOG", "duplicate", 0L),
            tuple("case - Copy/EX01/RCA_20261102-3.LOG", "rca", 600L));
    assertThat(result.inputs().get(4).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.where()).isEqualTo(copy.resolve("RCA_20261102-1.LOG").toString());
              assertThat(e.message())
                  .contains("duplicate of " + original.resolve("RCA_20261102-1.LOG"));
            });
    assertThat(received).hasSize(1800);
    // The copy's remaining file is still read in order.
    assertThat(
            received.stream()
                .map(SessionEvent.class::cast)
                .filter(e -> e.ref().file().contains("Copy"))
                .map(e -> e.ref().position())
                .toList())
        .isSorted()
        .hasSize(600);
    assertThat(result.anythingRecognized()).isTrue();
  }

  @Test
  void aLogZippedAndUnpackedIsReadOnceWhicheverWayItWasPacked() throws IOException {
    String log = rcaLog(1000, 700);
    byte[] bytes = log.getBytes(StandardCharsets.US_ASCII);
    Fixtures.write(dir.resolve("EX01").resolve("RCA_20261102-1.LOG"), log);
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("RCA_20261102-9.LOG", rcaLog(5000, 3).getBytes(StandardCharsets.US_ASCII));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("EX01/RCA_20261102-1.LOG", bytes);
    entries.put("EX01/old.zip", Fixtures.zip(inner));
    byte[] zip = Fixtures.zip(entries);
    Fixtures.write(dir.resolve("EX01.zip"), zip);
    Fixtures.write(dir.resolve("mail").resolve("EX01 (1).zip"), zip); // downloaded twice
    Fixtures.write(
        dir.resolve("mail").resolve("RCA_20261102-1.LOG.gz"),
        Fixtures.gzip(bytes)); // compared by its trailer

    IngestResult result = ingest(builder().build(), dir);

    String first = dir.resolve("EX01").resolve("RCA_20261102-1.LOG").toString();
    String zipped = dir.resolve("EX01.zip") + "!/EX01/";
    assertThat(result.inputs())
        .extracting(InputSummary::path, InputSummary::format, InputSummary::records)
        .containsExactly(
            tuple(first, "rca", 700L),
            tuple(zipped + "old.zip!/RCA_20261102-9.LOG", "rca", 3L),
            tuple(zipped + "RCA_20261102-1.LOG", "duplicate", 0L),
            tuple(dir.resolve("mail").resolve("EX01 (1).zip") + "!/EX01/old.zip", "duplicate", 0L),
            tuple(
                dir.resolve("mail").resolve("EX01 (1).zip") + "!/EX01/RCA_20261102-1.LOG",
                "duplicate",
                0L),
            tuple(
                dir.resolve("mail").resolve("RCA_20261102-1.LOG.gz").toString(), "duplicate", 0L));
    assertThat(result.inputs())
        .filteredOn(i -> i.format().equals("duplicate"))
        .allSatisfy(
            i ->
                assertThat(i.errors())
                    .singleElement()
                    .satisfies(
                        e ->
                            assertThat(e.message())
                                .contains(
                                    "duplicate of "
                                        + (i.path().endsWith("old.zip")
                                            ? zipped + "old.zip"
                                            : first))));
    assertThat(received).hasSize(703);
  }

  @Test
  void anInputNamedTwiceIsReadOnceAndARunOfOnlyUnrecognizedCopiesStaysUnreadable()
      throws IOException {
    Path log = dir.resolve("EX01").resolve("RCA_20261102-1.LOG");
    Fixtures.write(log, rcaLog(1, 5));
    IngestResult twice = ingest(builder().build(), log, dir.resolve("EX01"));
    assertThat(twice.inputs()).extracting(InputSummary::format).containsExactly("rca", "duplicate");
    assertThat(twice.inputs().get(1).errors().get(0).message())
        .contains("named more than once", "duplicate of " + log);
    assertThat(twice.anythingRecognized()).isTrue();
    assertThat(received).hasSize(5);

    Path other = Files.createDirectories(dir.resolve("other"));
    Fixtures.write(other.resolve("a.txt"), "not evidence");
    Fixtures.write(other.resolve("b.txt"), "not evidence");
    IngestResult unknown = ingest(builder().build(), other);
    assertThat(unknown.inputs())
        .extracting(InputSummary::format)
        .containsExactly("unrecognized", "unrecognized");
    assertThat(unknown.anythingRecognized()).isFalse();
  }
}
