package org.mapiscope.spark;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.archive.Magic;

/**
 * Evidence files made readable on the task's machine. A file on this machine is read in place; a
 * file on a Hadoop file system is copied to a task-local temporary folder under its own name (the
 * readers detect formats by name and content, and binary event logs need random access), at most as
 * many bytes as the listing saw. The copies go when the task closes this.
 */
final class Fetched implements Closeable {

  private final Map<String, String> hadoopConf;
  private Path folder;
  private int copies;

  /**
   * @param hadoopConf the driver's Hadoop settings (credentials and endpoints of cloud stores)
   */
  Fetched(Map<String, String> hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /**
   * The local path to read {@code file} from.
   *
   * @throws IOException when the file system cannot be reached or the file cannot be opened; the
   *     caller lists the file as unreadable
   */
  Path local(FleetFile file) throws IOException {
    return local(file, false);
  }

  /**
   * Like {@link #local(FleetFile)}; with {@code headOnly}, a remote file that is not an archive is
   * fetched only as far as format detection looks ({@link Sniff#HEAD_BYTES}), the rest left a hole
   * of the right size: the survey learns the same without moving the whole file twice.
   */
  Path local(FleetFile file, boolean headOnly) throws IOException {
    if (file.uri() == null) {
      return Path.of(file.localPath());
    }
    if (folder == null) {
      folder = Files.createTempDirectory("mapiscope-fleet-");
    }
    Path target = Files.createDirectory(folder.resolve(Integer.toString(copies++)));
    Path copy = target.resolve(file.fileName());
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(file.uri());
    FileSystem fs = remote.getFileSystem(configuration());
    try (InputStream in = new BufferedInputStream(fs.open(remote), Sniff.HEAD_BYTES)) {
      boolean archive = false;
      if (headOnly) {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        archive = Magic.of(magic, magic.length).isArchive();
      }
      try (OutputStream out = Files.newOutputStream(copy)) {
        copyAtMost(in, out, headOnly && !archive ? Sniff.HEAD_BYTES : file.size());
      }
      if (headOnly && !archive) {
        try (RandomAccessFile sized = new RandomAccessFile(copy.toFile(), "rw")) {
          sized.setLength(Math.max(sized.length(), file.size()));
        }
      }
    }
    return copy;
  }

  private static void copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = limit;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return;
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private Configuration configuration() {
    Configuration conf = new Configuration();
    hadoopConf.forEach(conf::set);
    return conf;
  }

  @Override
  public void close() {
    if (folder == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(Fetched::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the copies in " + folder, e);
    }
    folder = null;
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the copy " + p, e);
    }
  }
}
