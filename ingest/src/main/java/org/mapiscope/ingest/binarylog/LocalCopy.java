package org.mapiscope.ingest.binarylog;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mapiscope.ingest.InputFile;

/**
 * A seekable copy of an input for the binary event log readers: the file itself when it is on disk,
 * else a temporary file spooled from the (already size-guarded) archive stream and deleted on
 * close.
 */
final class LocalCopy implements Closeable {

  private final Path path;
  private final boolean temporary;

  private LocalCopy(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  static LocalCopy of(InputFile input) throws IOException {
    if (input.localPath() != null) {
      return new LocalCopy(input.localPath(), false);
    }
    Path tmp = Files.createTempFile("mapiscope-", ".log");
    try (InputStream in = input.open()) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new LocalCopy(tmp, true);
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(path);
    }
  }
}
