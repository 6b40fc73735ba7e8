package org.mapiscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * What tells two inputs' (decompressed) content apart, cheaply: size, CRC-32 of the first bytes
 * (the head the walk reads anyway to detect the format) and CRC-32 of the whole content. CRC-32
 * because zip and gzip files carry it for free (central directory, gzip trailer), so an archive
 * entry can be compared with an unpacked copy without inflating it; only files on disk that agree
 * on size and head with another input are read once more to compute it.
 *
 * @param size content bytes, or -1 when unknown
 * @param headCrc CRC-32 of the first {@code min(size, Sniff.HEAD_BYTES)} bytes
 * @param crc CRC-32 of the whole content, or -1 when not known yet
 */
record Fingerprint(long size, long headCrc, long crc) {

  static final long UNKNOWN = -1;

  /**
   * Whether two inputs with these fingerprints may hold the same bytes (their full CRCs decide).
   */
  boolean mayEqual(Fingerprint other) {
    return size == other.size && headCrc == other.headCrc;
  }

  boolean complete() {
    return size >= 0 && crc >= 0;
  }

  /**
   * The fingerprint the walk can take without reading further than {@code head}; null for inputs
   * that cannot be opened twice (entries of nested archives).
   */
  static Fingerprint of(InputFile input, byte[] head, long knownSize) {
    long headCrc = crc(head, head.length);
    if (input instanceof Inputs.ZipEntryFile z) {
      // The central directory's size and CRC-32 describe the decompressed entry.
      return new Fingerprint(z.entry().getSize(), headCrc, z.entry().getCrc());
    }
    if (input instanceof Inputs.Gzipped g) {
      return gzipTrailer(g.path(), headCrc);
    }
    if (input instanceof Inputs.OnDisk) {
      return new Fingerprint(knownSize, headCrc, UNKNOWN);
    }
    return null;
  }

  /**
   * A gzip file ends with the CRC-32 and the size (mod 2^32) of what it holds (RFC 1952). A file of
   * several members describes only its last one there: it then matches identical copies of itself,
   * not its unpacked content.
   */
  private static Fingerprint gzipTrailer(Path path, long headCrc) {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      long length = file.length();
      if (length < 18) {
        return new Fingerprint(UNKNOWN, headCrc, UNKNOWN);
      }
      byte[] trailer = new byte[8];
      file.seek(length - 8);
      file.readFully(trailer);
      return new Fingerprint(le32(trailer, 4), headCrc, le32(trailer, 0));
    } catch (IOException e) {
      return new Fingerprint(UNKNOWN, headCrc, UNKNOWN);
    }
  }

  /** Reads the whole content (64 KiB at a time) to fill in size and CRC-32. */
  Fingerprint completed(InputFile input) throws IOException {
    CRC32 crc32 = new CRC32();
    long total = 0;
    byte[] buffer = new byte[Inputs.BUFFER];
    try (InputStream in = input.open()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc32.update(buffer, 0, n);
        total += n;
      }
    }
    return new Fingerprint(total, headCrc, crc32.getValue());
  }

  static long crc(byte[] bytes, int length) {
    CRC32 crc32 = new CRC32();
    crc32.update(bytes, 0, length);
    return crc32.getValue();
  }

  private static long le32(byte[] b, int at) {
    return (b[at] & 0xFFL)
        | (b[at + 1] & 0xFFL) << 8
        | (b[at + 2] & 0xFFL) << 16
        | (b[at + 3] & 0xFFL) << 24;
  }
}
