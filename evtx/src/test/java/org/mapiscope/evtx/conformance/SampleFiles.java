package org.mapiscope.evtx.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared real-world samples are: {@code <repo>/../shared/samples/evtx}. */
public final class SampleFiles {

  private SampleFiles() {}

  /** The samples folder, or {@code null} when this checkout has none next to it. */
  public static Path evtxDir() {
    String repo = System.getProperty("mapiscope.repo");
    Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
    Path dir =
        root == null ? null : root.resolveSibling("shared").resolve("samples").resolve("evtx");
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }
}
