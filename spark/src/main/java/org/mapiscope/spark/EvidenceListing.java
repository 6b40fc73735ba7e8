package org.mapiscope.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.mapiscope.ingest.Listing;
import org.mapiscope.ingest.NaturalOrder;
import org.mapiscope.ingest.SourceFile;
import org.mapiscope.model.InputOutcome;

/**
 * The driver's walk over the user's paths: every file in walk order (roots as given, folders in
 * natural name order, depth first), as {@code analyze} walks them, reading no content. Paths on
 * this machine are walked exactly as {@code analyze} walks them (same names in reports); paths with
 * a scheme ({@code hdfs://}, {@code abfss://}, {@code s3a://}, {@code file://}) through Hadoop's
 * file system, named by their URIs.
 */
final class EvidenceListing {

  /** A URI scheme of two letters or more: {@code C:\logs} is a Windows path, not a URI. */
  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://.*");

  private EvidenceListing() {}

  /** What the walk found: files to read and paths listed as not read. */
  record Listed(List<FleetFile> files, List<Object> inOrder) {}

  static boolean isUri(String path) {
    return URI.matcher(path).matches();
  }

  /**
   * Lists {@code roots}; the result's {@code inOrder} holds, in walk order, each {@link FleetFile}
   * and each {@link Listing.Entry.NotFound}.
   */
  static Listed list(List<String> roots, Configuration conf) {
    List<FleetFile> files = new ArrayList<>();
    List<Object> inOrder = new ArrayList<>();
    for (String root : roots) {
      List<Object> found = new ArrayList<>();
      if (isUri(root)) {
        hadoop(root, conf, found);
      } else {
        for (Listing.Entry e : Listing.list(List.of(Path.of(root)))) {
          if (e instanceof Listing.Entry.Found f) {
            found.add(local(f.file()));
          } else {
            found.add(e);
          }
        }
      }
      for (Object o : found) {
        if (o instanceof FleetFile f) {
          FleetFile numbered =
              new FleetFile(
                  files.size(),
                  f.uri(),
                  f.localPath(),
                  f.displayPath(),
                  f.enclosing(),
                  f.location(),
                  f.size());
          files.add(numbered);
          inOrder.add(numbered);
        } else {
          inOrder.add(o);
        }
      }
    }
    return new Listed(files, inOrder);
  }

  private static FleetFile local(SourceFile file) {
    long size;
    try {
      size = java.nio.file.Files.size(file.local());
    } catch (IOException e) {
      size = 0; // read (and reported) by the task as analyze would
    }
    return new FleetFile(
        -1,
        null,
        file.local().toString(),
        file.displayPath(),
        file.enclosing(),
        file.location(),
        size);
  }

  private static void hadoop(String root, Configuration conf, List<Object> out) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
    FileStatus status;
    FileSystem fs;
    try {
      fs = path.getFileSystem(conf);
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      out.add(new Listing.Entry.NotFound(root, InputOutcome.MISSING, root + " does not exist"));
      return;
    } catch (IOException | RuntimeException e) {
      out.add(
          new Listing.Entry.NotFound(
              root, InputOutcome.UNREADABLE, root + " could not be read: " + e.getMessage()));
      return;
    }
    if (status.isDirectory()) {
      folder(fs, status.getPath(), new ArrayList<>(), out);
    } else {
      org.apache.hadoop.fs.Path parent = status.getPath().getParent();
      List<String> enclosing =
          parent == null || parent.getName().isEmpty() ? List.of() : List.of(parent.getName());
      out.add(file(status, enclosing));
    }
  }

  private static void folder(
      FileSystem fs, org.apache.hadoop.fs.Path dir, List<String> enclosing, List<Object> out) {
    FileStatus[] children;
    try {
      children = fs.listStatus(dir);
    } catch (IOException | RuntimeException e) {
      out.add(
          new Listing.Entry.NotFound(
              dir.toString(),
              InputOutcome.UNREADABLE,
              dir + " could not be listed: " + e.getMessage()));
      return;
    }
    Arrays.sort(
        children,
        Comparator.comparing((FileStatus s) -> s.getPath().getName(), NaturalOrder.INSTANCE));
    for (FileStatus child : children) {
      if (child.isDirectory()) {
        List<String> deeper = new ArrayList<>(enclosing);
        deeper.add(child.getPath().getName());
        folder(fs, child.getPath(), deeper, out);
      } else if (child.isFile()) {
        out.add(file(child, enclosing));
      }
    }
  }

  private static FleetFile file(FileStatus status, List<String> enclosing) {
    String uri = status.getPath().toString();
    org.apache.hadoop.fs.Path parent = status.getPath().getParent();
    return new FleetFile(
        -1, uri, null, uri, enclosing, parent == null ? "" : parent.toString(), status.getLen());
  }
}
