package org.mapiscope.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds evidence files, archives and bombs for tests, in memory or in a temp folder. */
final class Fixtures {

  private Fixtures() {}

  static final String RCA_HEADER =
      "#Software: Microsoft Exchange Server\r\n"
          + "#Version: 14.0.0.0\r\n"
          + "#Log-type: RCA Protocol Logs\r\n"
          + "#Date: 2026-11-02T08:00:00.000Z\r\n"
          + "#Fields:"
          + " date-time,session-id,seq-number,client-name,organization-info,client-software,client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,processing-time,operation-specific,failures\r\n";

  static String rcaRow(String time, int session, String user, String operation) {
    return time
        + ","
        + session
        + ",0,/o=Contoso/ou=First Administrative Group/cn=Recipients/cn="
        + user
        + ",,OUTLOOK.EXE,14.0.7172.5000,Cached,10.1.1.77:5000,10.1.1.5,ncacn_ip_tcp,,"
        + operation
        + ",0,0,,\r\n";
  }

  static String rca(String... rows) {
    return RCA_HEADER + String.join("", rows);
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(content);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes an RCA header, then the same row until {@code expanded} bytes, straight into a
   * compressor.
   */
  static void writeRcaBomb(OutputStream compressing, long expanded) throws IOException {
    byte[] header = RCA_HEADER.getBytes(StandardCharsets.US_ASCII);
    compressing.write(header);
    byte[] row =
        rcaRow("2026-11-02T08:00:01.000Z", 1, "bomb", "Connect")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[row.length * 4096];
    for (int i = 0; i < 4096; i++) {
      System.arraycopy(row, 0, block, i * row.length, row.length);
    }
    for (long written = header.length; written < expanded; written += block.length) {
      compressing.write(block);
    }
  }

  /** A zip with one entry that expands to {@code expanded} bytes of RCA rows. */
  static void zipBomb(Path file, String entry, long expanded) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry(entry));
      writeRcaBomb(zip, expanded);
      zip.closeEntry();
    }
  }

  static byte[] gzipBomb(long expanded) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      writeRcaBomb(gz, expanded);
    }
    return bytes.toByteArray();
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
