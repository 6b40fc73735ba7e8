package org.mapiscope.report.scripts;

import java.io.IOException;

/**
 * Where generated scripts go: a directory on disk for the CLI, a map in tests. Implementations must
 * refuse names that would leave their root.
 */
public interface ScriptTarget {

  /**
   * Stores one file.
   *
   * @param name a plain file name (no directories); already sanitized by {@link SafeNames}
   * @param bytes the complete content
   * @throws IOException when it cannot be written
   */
  void write(String name, byte[] bytes) throws IOException;
}
