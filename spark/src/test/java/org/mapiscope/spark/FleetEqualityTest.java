package org.mapiscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fleet job answers what {@code mapiscope analyze} answers: the same JSON, byte for byte, on
 * the bundled example and on every real-shaped fixture, however the files are packed into tasks.
 */
class FleetEqualityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each case: its evidence, how to run it (golden args), and whether analyze gets it zipped. */
  record Case(String name, Path evidence, List<String> args, String zipAs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "examples/vpn-laptops",
            SparkTests.repo().resolve("examples/vpn-laptops"),
            List.of("--timezone", "UTC"),
            null));
    Path corpus = SparkTests.repo().resolve("cli/src/test/resources/real-shaped");
    try (Stream<Path> dirs = Files.list(corpus)) {
      for (Path dir : dirs.sorted().toList()) {
        Path golden = dir.resolve("expected.json");
        if (!Files.isRegularFile(golden)) {
          continue;
        }
        JsonNode g = JSON.readTree(golden.toFile());
        List<String> args = new ArrayList<>();
        if (g.has("args")) {
          g.get("args").forEach(a -> args.add(a.asText()));
        } else {
          args.addAll(List.of("--timezone", "UTC"));
        }
        cases.add(
            new Case(
                "real-shaped/" + dir.getFileName(),
                dir.resolve(g.path("evidence").asText("evidence")),
                args,
                g.has("zipAs") ? g.get("zipAs").asText() : null));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fleetJsonEqualsAnalyzeJson(Case c, @TempDir Path tmp) throws IOException {
    Path input = c.zipAs() == null ? c.evidence() : zip(c.evidence(), tmp.resolve(c.zipAs()));
    List<String> paths = List.of(input.toString());

    SparkTests.Run analyze = SparkTests.analyze(tmp, paths, c.args());
    SparkTests.Run fleet = SparkTests.fleet(tmp, null, paths, c.args());

    assertThat(analyze.exitCode()).as("analyze: %s", analyze.err()).isZero();
    assertThat(fleet.exitCode()).as("fleet: %s", fleet.err()).isZero();
    assertThat(JSON.readTree(fleet.json())).isEqualTo(JSON.readTree(analyze.json()));
    assertThat(fleet.json()).isEqualTo(analyze.json());
  }

  @Test
  void severalRootsAndOverlappingCopiesAsAnalyzeListsThem(@TempDir Path tmp) throws IOException {
    Path example = SparkTests.repo().resolve("examples/vpn-laptops");
    Path copy = tmp.resolve("copy");
    copyTree(example, copy);
    Path zipped = zip(example, tmp.resolve("EX01-again.zip"));
    List<String> paths =
        List.of(
            example.toString(),
            copy.toString(),
            zipped.toString(),
            example.resolve("EX01/rca").toString());

    SparkTests.Run analyze = SparkTests.analyze(tmp, paths, List.of("--timezone", "UTC"));
    assertThat(analyze.exitCode()).as("analyze: %s", analyze.err()).isZero();
    for (long seed = 1; seed <= 3; seed++) {
      SparkTests.Run fleet =
          SparkTests.fleet(tmp, new Random(seed), paths, List.of("--timezone", "UTC"));
      assertThat(fleet.exitCode()).as("fleet: %s", fleet.err()).isZero();
      assertThat(fleet.json()).as("seed %d", seed).isEqualTo(analyze.json());
    }
    assertThat(analyze.json()).contains("\"duplicate\"");
  }

  @Test
  void aMissingLocalPathIsAUsageErrorAsInAnalyze(@TempDir Path tmp) throws IOException {
    List<String> paths = List.of(tmp.resolve("not-there").toString());

    SparkTests.Run analyze = SparkTests.analyze(tmp, paths, List.of());
    SparkTests.Run fleet = SparkTests.fleet(tmp, null, paths, List.of());

    assertThat(fleet.exitCode()).isEqualTo(analyze.exitCode()).isEqualTo(1);
    assertThat(fleet.err()).isEqualTo(analyze.err()).contains("no such file or folder");
  }

  static Path zip(Path folder, Path zip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(raw);
        Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return zip;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
