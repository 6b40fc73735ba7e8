package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.ingest.archive.ArchiveLimits;
import org.mapiscope.ingest.archive.EntryNames;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;

class ArchiveSafetyTest {

  @TempDir Path dir;

  private final AtomicLong evidence = new AtomicLong();

  /** The most one read of the entry may inflate past a limit before the guard counts it. */
  private static final long READ_CHUNK = 1 << 16;

  private IngestResult ingest(ArchiveLimits limits, Path... paths) {
    return Ingestor.builder()
        .timezone(ZoneId.of("UTC"))
        .threads(2)
        .archiveLimits(limits)
        .build()
        .ingest(List.of(paths), e -> evidence.incrementAndGet());
  }

  private static byte[] rca() {
    return Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00Z", 1, "jdoe", "Connect"))
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void refusesEntriesThatClimbOutOfTheArchiveAndReadsTheRest() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../evil.LOG", rca());
    entries.put("/etc/abs.LOG", rca());
    entries.put("C:/Windows/drive.LOG", rca());
    entries.put("logs\\..\\..\\back.LOG", rca());
    entries.put("EX01/RCA_20261102-1.LOG", rca());
    Path zip = dir.resolve("evidence.zip");
    Fixtures.write(zip, Fixtures.zip(entries));
    IngestResult result = ingest(ArchiveLimits.DEFAULT, zip);
    assertThat(result.inputs())
        .filteredOn(i -> i.outcome() == InputOutcome.REFUSED)
        .hasSize(4)
        .allSatisfy(
            i ->
                assertThat(i.errors())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.message()).startsWith(zip + "!/").contains("refused");
                        }));
    assertThat(result.inputs())
        .filteredOn(i -> i.format().equals("rca"))
        .singleElement()
        .satisfies(i -> assertThat(i.path()).endsWith("!/EX01/RCA_20261102-1.LOG"));
    assertThat(evidence).hasValue(1);
  }

  @Test
  void entryNameRulesCoverBackslashAndDriveTricks() {
    assertThat(EntryNames.refusal("a/b/c.log")).isEmpty();
    assertThat(EntryNames.refusal("a/..b/c.log")).isEmpty();
    assertThat(EntryNames.refusal("a\\..\\..\\c.log")).isPresent();
    assertThat(EntryNames.refusal("\\\\server\\share\\x")).isPresent();
    assertThat(EntryNames.refusal("d:x.log")).isPresent();
    assertThat(EntryNames.refusal("x\0.log")).isPresent();
  }

  @Test
  void refusesAZipBombByRatioWithoutInflatingIt() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    Fixtures.zipBomb(zip, "RCA_20261102-1.LOG", 64L << 20);
    Fixtures.write(dir.resolve("EX01").resolve("RCA_20261102-1.LOG"), rca());
    assertThat(Files.size(zip)).isLessThan(1 << 20);
    IngestResult result = ingest(ArchiveLimits.DEFAULT, dir);
    InputSummary bomb =
        result.inputs().stream()
            .filter(i -> i.path().contains("bomb.zip"))
            .findFirst()
            .orElseThrow();
    String refusal = bomb.errors().get(bomb.errors().size() - 1).message();
    assertThat(refusal)
        .contains("bomb.zip!/RCA_20261102-1.LOG", "refused", "expands more than 100:1");
    // The refusal says how far the entry was inflated: one read past the ratio (whole multiples of
    // the compressed size), far short of its 64 MiB.
    Matcher counted = Pattern.compile("\\((\\d+) bytes from (\\d+)\\)").matcher(refusal);
    assertThat(counted.find()).as(refusal).isTrue();
    long inflated = Long.parseLong(counted.group(1));
    long compressed = Long.parseLong(counted.group(2));
    ArchiveLimits limits = ArchiveLimits.DEFAULT;
    assertThat(inflated)
        .isGreaterThan(limits.maxRatio() * compressed)
        .isLessThanOrEqualTo(
            Math.max(limits.ratioGraceBytes(), (limits.maxRatio() + 1) * compressed) + READ_CHUNK)
        .isLessThan(64L << 20);
    assertThat(result.inputs())
        .filteredOn(i -> i.path().contains("EX01"))
        .singleElement()
        .satisfies(i -> assertThat(i.records()).isEqualTo(1));
  }

  @Test
  void refusesAGzipBombInsideAZipAndStopsThatArchiveOnly() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a/RCA_20261102-1.LOG.gz", Fixtures.gzipBomb(32L << 20));
    entries.put("b/RCA_20261102-1.LOG", rca());
    Path zip = dir.resolve("evidence.zip");
    Fixtures.write(zip, Fixtures.zip(entries));
    IngestResult result = ingest(ArchiveLimits.DEFAULT, zip);
    assertThat(result.inputs()).extracting(InputSummary::format).containsExactly("rca", "rca");
    assertThat(result.inputs().get(0).errors())
        .extracting(InputError::message)
        .last()
        .asString()
        .contains("RCA_20261102-1.LOG.gz refused", "100:1");
    assertThat(result.inputs().get(1).records()).isEqualTo(1);
  }

  @Test
  void refusesOnceTheRunsTotalExpansionBudgetIsSpent() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      rows.append(
          Fixtures.rcaRow("2026-11-02T08:00:00Z", i, "user" + (i * 7919 % 10_007), "Connect"));
    }
    byte[] big = Fixtures.rca(rows.toString()).getBytes(StandardCharsets.US_ASCII);
    entries.put("EX01/RCA_20261102-1.LOG", big);
    byte[] other =
        big.clone(); // not byte-identical: a duplicate would not be read, and spend nothing
    other[other.length - 5] = '1'; // the last row's processing-time
    entries.put("EX02/RCA_20261102-1.LOG", other);
    Path zip = dir.resolve("evidence.zip");
    Fixtures.write(zip, Fixtures.zip(entries));
    ArchiveLimits small = new ArchiveLimits(1000, 1 << 20, big.length + (big.length / 2), 4);
    IngestResult result = ingest(small, zip);
    assertThat(result.inputs())
        .flatExtracting(InputSummary::errors)
        .extracting(InputError::message)
        .anySatisfy(
            m -> assertThat(m).contains("refused", "beyond the limit of " + small.maxTotalBytes()));
  }

  @Test
  void refusesArchivesNestedDeeperThanTheLimit() throws IOException {
    byte[] level = Fixtures.zip(Map.of("RCA_20261102-1.LOG", rca()));
    for (int i = 0; i < 5; i++) {
      level = Fixtures.zip(Map.of("level" + i + ".zip", level));
    }
    Path zip = dir.resolve("deep.zip");
    Fixtures.write(zip, level);
    IngestResult result = ingest(ArchiveLimits.DEFAULT, zip);
    assertThat(result.inputs())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.outcome()).isEqualTo(InputOutcome.REFUSED);
              assertThat(i.errors().get(0).message()).contains("nested deeper than 4 levels");
            });
    IngestResult shallow = ingest(new ArchiveLimits(100, 1 << 20, 1L << 30, 8), zip);
    assertThat(shallow.inputs())
        .singleElement()
        .satisfies(i -> assertThat(i.format()).isEqualTo("rca"));
  }
}
