package org.mapiscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However the bundles of files are packed into tasks — how many partitions, which bundles share
 * one, in which order each reads them — the merged answer is analyze's. The evidence is every
 * real-shaped fixture and the example at once: several servers, copies, restarts, event logs in
 * three formats, registry and snapshot files.
 */
class FleetPartitioningPropertyTest {

  @Test
  void anyPackingOfTheFilesGivesAnalyzesJson(@TempDir Path tmp) throws IOException {
    List<String> roots = new ArrayList<>();
    roots.add(SparkTests.repo().resolve("examples/vpn-laptops").toString());
    try (Stream<Path> dirs =
        Files.list(SparkTests.repo().resolve("cli/src/test/resources/real-shaped"))) {
      dirs.map(d -> d.resolve("evidence"))
          .filter(Files::isDirectory)
          .sorted()
          .forEach(d -> roots.add(d.toString()));
    }
    List<String> args = List.of("--timezone", "UTC");
    SparkTests.Run analyze = SparkTests.analyze(tmp, roots, args);
    assertThat(analyze.exitCode()).as("analyze: %s", analyze.err()).isZero();

    qt().withExamples(6)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SparkTests.Run fleet;
              try {
                fleet = SparkTests.fleet(tmp, new Random(seed), roots, args);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              assertThat(fleet.exitCode()).as("fleet: %s", fleet.err()).isZero();
              assertThat(fleet.json()).isEqualTo(analyze.json());
            });
  }
}
