package org.mapiscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mapiscope.ingest.SourceFile;

/**
 * One evidence file of the fleet, as the driver's listing found it: enough for a task on any
 * machine to fetch and read it, and for reports to name it as the user did.
 *
 * @param index its place in walk order over all files (orders the inputs in the report)
 * @param uri the Hadoop file system URI to fetch it from, or null for a path on this machine
 * @param localPath the path on this machine when {@code uri} is null
 * @param displayPath the name in reports and errors: the path as the user's walk found it, or the
 *     URI
 * @param enclosing folder names between the named root and the file (server hints)
 * @param location the folder the file sits in (keeps one folder's RCA logs together)
 * @param size bytes at listing time: a copy never takes more
 */
record FleetFile(
    int index,
    String uri,
    String localPath,
    String displayPath,
    List<String> enclosing,
    String location,
    long size)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  FleetFile {
    enclosing = List.copyOf(enclosing);
  }

  /** The file name, which format detection and server hints look at. */
  String fileName() {
    String path = uri != null ? uri : localPath;
    String slashed = path.replace('\\', '/');
    return slashed.substring(slashed.lastIndexOf('/') + 1);
  }

  /** The file as the ingest reads it from {@code local}, with its units known to be copies. */
  SourceFile source(Path local, Map<Integer, String> duplicateOf) {
    return new SourceFile(local, displayPath, enclosing, location, duplicateOf);
  }
}
