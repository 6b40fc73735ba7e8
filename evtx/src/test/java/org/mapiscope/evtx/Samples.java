package org.mapiscope.evtx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared sample files, read in place; tests that need them are skipped when they are absent.
 */
final class Samples {

  private Samples() {}

  static Path dir() {
    String repo = System.getProperty("mapiscope.repo");
    Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("..").resolve("shared").resolve("samples").resolve("evtx").normalize();
  }

  static Path file(String name) {
    Path p = dir().resolve(name);
    assumeTrue(Files.isRegularFile(p), "sample " + p + " not present; skipping");
    return p;
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Damage reports collected by a listener. */
  record Report(long offset, String message) {}

  static List<EventRecord> read(byte[] bytes, List<Report> damage, int threads) {
    List<EventRecord> out = new ArrayList<>();
    try (EvtxParser reader =
        EvtxParser.of(ByteBuffer.wrap(bytes), (o, m) -> damage.add(new Report(o, m)))
            .parallelism(threads)) {
      reader.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<EventRecord> read(byte[] bytes, List<Report> damage) {
    return read(bytes, damage, 1);
  }
}
