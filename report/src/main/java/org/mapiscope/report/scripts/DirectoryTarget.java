package org.mapiscope.report.scripts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scripts into one directory, creating it when needed; never outside it. */
public final class DirectoryTarget implements ScriptTarget {

  private final Path dir;

  public DirectoryTarget(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /**
   * @throws IOException when the directory or file cannot be written
   * @throws IllegalArgumentException when {@code name} is not a plain file name inside the
   *     directory
   */
  @Override
  public void write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name).normalize();
    // Second line of defence behind SafeNames: a name must not climb out or into subfolders.
    if (!dir.equals(file.getParent())) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    Files.createDirectories(dir);
    Files.write(file, bytes);
  }
}
