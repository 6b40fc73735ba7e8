package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;

/** Every input is listed with what became of it; only read ones make a run readable. */
class InputOutcomesTest {

  @TempDir Path dir;

  private static IngestResult ingest(Path... paths) {
    return Ingestor.builder()
        .timezone(ZoneId.of("UTC"))
        .threads(2)
        .build()
        .ingest(List.of(paths), e -> {});
  }

  @Test
  void aZipCutShortIsUnreadableWithTheReasonAndMakesNothingReadable() throws IOException {
    byte[] zip =
        Fixtures.zip(
            Map.of(
                "EX01/RCA_20261102-1.LOG",
                Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00.000Z", 1, "alice", "Connect"))
                    .getBytes()));
    Path cut = dir.resolve("cut.zip");
    Files.write(
        cut, Arrays.copyOf(zip, zip.length - 30)); // the end of the central directory is gone
    Path garbage = dir.resolve("garbage.zip");
    byte[] junk = new byte[4096];
    Arrays.fill(junk, (byte) 0x5A);
    junk[0] = 'P';
    junk[1] = 'K';
    junk[2] = 3;
    junk[3] = 4;
    Files.write(garbage, junk);

    IngestResult result = ingest(cut, garbage);

    assertThat(result.inputs())
        .hasSize(2)
        .allSatisfy(
            i -> {
              assertThat(i.outcome()).isEqualTo(InputOutcome.UNREADABLE);
              assertThat(i.format()).isEqualTo("unreadable");
              assertThat(i.readFormat()).isEmpty();
              assertThat(i.errors())
                  .singleElement()
                  .satisfies(
                      e -> assertThat(e.message()).contains(i.path(), "damaged zip archive"));
            });
    assertThat(result.anythingRecognized()).isFalse();
  }

  @Test
  void onlyReadInputsCount() {
    InputSummary read = InputSummary.read("a.log", "rca", 0, 0, List.of());
    assertThat(read.format()).isEqualTo("rca");
    assertThat(new IngestResult(List.of(read)).anythingRecognized()).isTrue();
    for (InputOutcome o : InputOutcome.values()) {
      if (o != InputOutcome.READ) {
        InputSummary s = InputSummary.notRead("x", o, List.of());
        assertThat(s.format()).isEqualTo(o.label());
        assertThat(new IngestResult(List.of(s)).anythingRecognized()).as(o.name()).isFalse();
      }
    }
  }

  @Test
  void symbolicLinkLoopsAndFolderLinksAreListed() throws IOException {
    Path evidence = dir.resolve("evidence");
    Path other = dir.resolve("other");
    Files.createDirectories(evidence);
    Files.createDirectories(other);
    Fixtures.write(
        other.resolve("RCA_20261102-1.LOG"),
        Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00.000Z", 1, "alice", "Connect")));
    try {
      Files.createSymbolicLink(evidence.resolve("loop"), evidence.resolve("loop"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links cannot be made here: " + e);
    }
    Files.createSymbolicLink(evidence.resolve("to-other"), other);
    Files.createSymbolicLink(evidence.resolve("dangling"), dir.resolve("nowhere"));
    Path directLoop = dir.resolve("a");
    Files.createSymbolicLink(directLoop, dir.resolve("b"));
    Files.createSymbolicLink(dir.resolve("b"), directLoop);

    IngestResult result = ingest(directLoop, evidence);

    assertThat(result.inputs())
        .extracting(InputSummary::path, InputSummary::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(directLoop.toString(), InputOutcome.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple(
                evidence.resolve("dangling").toString(), InputOutcome.MISSING),
            org.assertj.core.groups.Tuple.tuple(
                evidence.resolve("loop").toString(), InputOutcome.UNREADABLE),
            org.assertj.core.groups.Tuple.tuple(
                evidence.resolve("to-other").toString(), InputOutcome.NOT_FOLLOWED));
    assertThat(result.inputs().get(0).errors().get(0).message())
        .contains("symbolic link loop (a -> b -> a)");
    assertThat(result.inputs().get(1).errors().get(0).message())
        .contains("symbolic link to", "which does not exist");
    assertThat(result.inputs().get(2).errors().get(0).message())
        .contains("symbolic link loop (loop -> loop)");
    assertThat(result.inputs().get(3).errors().get(0).message())
        .contains("symbolic link to a folder, not followed");
    assertThat(Links.isLoop(directLoop)).isTrue();
    assertThat(Links.isLoop(evidence.resolve("dangling"))).isFalse();
    assertThat(result.anythingRecognized()).isFalse();
  }
}
