package org.mapiscope.spark;

import java.io.Serializable;
import java.util.List;

/**
 * Files that must be read by one task, one after another: one server's (or one folder's) RCA logs,
 * in the order {@code analyze} reads them, or a single file of any other kind.
 *
 * @param oneByOne every file holds a single unit, so the files can be fetched and read one at a
 *     time in list order (a server's month of logs never sits on the task's disk at once)
 */
record Bundle(List<ReadFile> files, boolean oneByOne) implements Serializable {

  private static final long serialVersionUID = 1L;

  Bundle {
    files = List.copyOf(files);
  }

  long bytes() {
    return files.stream().mapToLong(f -> f.file().size()).sum();
  }
}
