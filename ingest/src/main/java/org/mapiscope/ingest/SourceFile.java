package org.mapiscope.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One file to read, as a walk of the user's paths found it: where its bytes are on this machine and
 * how reports name it. Usually both are the same path; a file fetched from another file system (a
 * fleet's evidence on HDFS or cloud storage) is read from a local copy and keeps its original name.
 *
 * @param local where to read the bytes; its file name is the original file's name
 * @param displayPath the name in reports and errors
 * @param enclosing the folder names between the named root and the file (server hints)
 * @param location the folder the file sits in, which keeps one folder's RCA logs together
 * @param duplicateOf for units of this file already read elsewhere: unit index (in walk order
 *     within the file) to the display path of the copy that is read
 */
public record SourceFile(
    Path local,
    String displayPath,
    List<String> enclosing,
    String location,
    Map<Integer, String> duplicateOf) {

  public SourceFile {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(displayPath, "displayPath");
    enclosing = List.copyOf(enclosing);
    Objects.requireNonNull(location, "location");
    duplicateOf = Map.copyOf(duplicateOf);
  }

  /** A file on this machine, named as the walk found it. */
  static SourceFile onDisk(Path path, List<String> enclosing) {
    return new SourceFile(
        path, path.toString(), enclosing, path.toAbsolutePath().getParent() + "", Map.of());
  }

  /** The same file with units known to be copies of content read elsewhere. */
  public SourceFile withDuplicates(Map<Integer, String> duplicateOf) {
    return new SourceFile(local, displayPath, enclosing, location, duplicateOf);
  }

  /** The same file read from another local copy (same file name), keeping its names. */
  public SourceFile readFrom(Path copy) {
    return new SourceFile(copy, displayPath, enclosing, location, duplicateOf);
  }
}
