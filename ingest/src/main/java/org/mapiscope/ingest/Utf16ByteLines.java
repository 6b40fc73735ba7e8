package org.mapiscope.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@link ByteLines} of a UTF-16 text: each line decoded by a {@link BoundedLineReader} and encoded
 * again as UTF-8, so byte-level readers see one encoding. UTF-16 exports are small (PowerShell
 * redirections); the logs that are gigabytes are written in UTF-8 and read by {@link
 * ByteLineReader}.
 */
final class Utf16ByteLines implements ByteLines {

  private final BoundedLineReader lines;
  private byte[] line = new byte[0];

  Utf16ByteLines(BoundedLineReader lines) {
    this.lines = lines;
  }

  @Override
  public boolean next() throws IOException {
    String text = lines.readLine();
    if (text == null) {
      return false;
    }
    line = text.getBytes(StandardCharsets.UTF_8);
    return true;
  }

  @Override
  public byte[] array() {
    return line;
  }

  @Override
  public int offset() {
    return 0;
  }

  @Override
  public int length() {
    return line.length;
  }

  @Override
  public long lineNumber() {
    return lines.lineNumber();
  }

  @Override
  public int maxLineBytes() {
    // a line of the cap in characters may take three bytes per character in UTF-8
    return 3 * lines.maxLineChars();
  }

  @Override
  public Charset charset() {
    return StandardCharsets.UTF_8;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
