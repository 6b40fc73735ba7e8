package org.mapiscope.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mapiscope.ingest.archive.CountingInputStream;
import org.mapiscope.ingest.archive.ExpansionBudget;
import org.mapiscope.ingest.archive.ExpansionGuard;

/**
 * The kinds of {@link InputFile}: a file on disk, a zip entry on disk, a gzip file, an entry met
 * while streaming.
 */
final class Inputs {

  private Inputs() {}

  static final int BUFFER = 1 << 16;

  /** Reads up to {@link Sniff#HEAD_BYTES} from a fresh stream of the input. */
  static Sniff sniff(InputFile input, String name) throws IOException {
    try (InputStream in = input.open()) {
      return Sniff.of(name, in.readNBytes(Sniff.HEAD_BYTES));
    }
  }

  /** Peeks at the head of a marked stream without consuming it. */
  static Sniff peek(BufferedInputStream in, String name) throws IOException {
    in.mark(Sniff.HEAD_BYTES + 1);
    byte[] head = in.readNBytes(Sniff.HEAD_BYTES);
    in.reset();
    return Sniff.of(name, head);
  }

  /** Gunzips with both expansion limits applied. */
  static InputStream gunzip(InputStream compressed, String name, ExpansionBudget budget)
      throws IOException {
    CountingInputStream counted = new CountingInputStream(compressed);
    return new ExpansionGuard(new GZIPInputStream(counted, BUFFER), name, counted::count, budget);
  }

  record OnDisk(Path path, String displayPath, String serverHint) implements InputFile {
    @Override
    public Path localPath() {
      return path;
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public long size() {
      try {
        return Files.size(path);
      } catch (IOException e) {
        return -1;
      }
    }
  }

  record Gzipped(Path path, String displayPath, String serverHint, ExpansionBudget budget)
      implements InputFile {
    @Override
    public InputStream open() throws IOException {
      InputStream raw = Files.newInputStream(path);
      try {
        return gunzip(new BufferedInputStream(raw, BUFFER), displayPath, budget);
      } catch (IOException e) {
        raw.close();
        throw e;
      }
    }

    @Override
    public long size() {
      return -1;
    }
  }

  /**
   * An entry of a zip file on disk; {@link ZipFile} bounds its compressed bytes, so the declared
   * size is the ratio base.
   */
  record ZipEntryFile(
      ZipFile zip, ZipEntry entry, String displayPath, String serverHint, ExpansionBudget budget)
      implements InputFile {
    @Override
    public InputStream open() throws IOException {
      long compressed = entry.getCompressedSize();
      return new ExpansionGuard(zip.getInputStream(entry), displayPath, () -> compressed, budget);
    }

    @Override
    public long size() {
      return entry.getSize();
    }
  }

  /**
   * An entry met while streaming a nested archive: it can be opened once, at the place it was met.
   */
  static final class Streamed implements InputFile {
    private final InputStream stream;
    private final String displayPath;
    private final String serverHint;
    private boolean opened;

    Streamed(InputStream stream, String displayPath, String serverHint) {
      this.stream = stream;
      this.displayPath = displayPath;
      this.serverHint = serverHint;
    }

    @Override
    public String displayPath() {
      return displayPath;
    }

    @Override
    public String serverHint() {
      return serverHint;
    }

    @Override
    public long size() {
      return -1;
    }

    @Override
    public InputStream open() throws IOException {
      if (opened) {
        throw new IOException(
            displayPath + " sits inside a nested archive and can be read only once");
      }
      opened = true;
      return new FilterInputStream(stream) {
        @Override
        public void close() {
          // The archive stream below goes on to the next entry; the walker closes it.
        }
      };
    }
  }
}
