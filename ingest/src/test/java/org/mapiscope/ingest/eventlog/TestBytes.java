package org.mapiscope.ingest.eventlog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Test inputs in the encodings Windows tools write. */
final class TestBytes {

  private TestBytes() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The text as Windows writes "Unicode": UTF-16LE with a byte order mark. */
  static byte[] utf16LeWithBom(String text) {
    return withPrefix(
        new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
  }

  static byte[] utf8WithBom(String text) {
    return withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text));
  }

  static byte[] windows1252(String text) {
    return text.getBytes(Charset.forName("windows-1252"));
  }

  private static byte[] withPrefix(byte[] prefix, byte[] body) {
    byte[] bytes = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    System.arraycopy(body, 0, bytes, prefix.length, body.length);
    return bytes;
  }
}
