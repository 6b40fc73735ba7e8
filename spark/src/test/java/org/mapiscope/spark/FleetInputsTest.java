package org.mapiscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs other than clean local folders: Hadoop URIs (fetched into the task) and bad files
 * (skipped, listed and counted as analyze lists them; never a failed job).
 */
class FleetInputsTest {

  @Test
  void aHadoopUriIsFetchedAndReadAsTheLocalFolderIs(@TempDir Path tmp) throws IOException {
    Path example = SparkTests.repo().resolve("examples/vpn-laptops");
    Path zipped = FleetEqualityTest.zip(example, tmp.resolve("EX01.zip"));
    String uri = "file://" + example;

    SparkTests.Run analyze =
        SparkTests.analyze(
            tmp, List.of(example.toString(), zipped.toString()), List.of("--timezone", "UTC"));
    SparkTests.Run fleet =
        SparkTests.fleet(tmp, null, List.of(uri, "file://" + zipped), List.of("--timezone", "UTC"));

    assertThat(fleet.exitCode()).as("fleet: %s", fleet.err()).isZero();
    // Hadoop names the files by URI (file:/...); everything else is the same answer.
    assertThat(fleet.json()).contains("\"file:" + example + "/EX01/rca/RCA_20261102-1.LOG\"");
    assertThat(fleet.json().replace("file:/", "/")).isEqualTo(analyze.json());
  }

  @Test
  void badFilesAreListedAndCountedAsInAnalyzeAndTheJobGoesOn(@TempDir Path tmp) throws IOException {
    Path evidence = tmp.resolve("evidence");
    FleetEqualityTest.copyTree(SparkTests.repo().resolve("examples/vpn-laptops"), evidence);
    Path bad = Files.createDirectories(evidence.resolve("EX02"));
    Files.write(bad.resolve("logs.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    Files.write(
        bad.resolve("Application.evtx"), "ElfFile\0 not really".getBytes(StandardCharsets.UTF_8));
    Files.write(bad.resolve("RCA_20261102-1.LOG.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 9, 9});
    Files.writeString(
        bad.resolve("RCA_20261103-1.LOG"),
        "#Software: Microsoft Exchange Server\n#Fields: date-time,session-id\nnot,a,row\n");
    Files.writeString(bad.resolve("notes.txt"), "nothing an admin exported\n");
    List<String> paths = List.of(evidence.toString());

    SparkTests.Run analyze = SparkTests.analyze(tmp, paths, List.of("--timezone", "UTC"));
    SparkTests.Run fleet = SparkTests.fleet(tmp, null, paths, List.of("--timezone", "UTC"));

    assertThat(fleet.exitCode()).as("fleet: %s", fleet.err()).isZero();
    assertThat(fleet.json()).isEqualTo(analyze.json());
    assertThat(analyze.json()).contains("\"unreadable\"").contains("\"unrecognized\"");
  }
}
