package org.mapiscope.report.scripts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds a Windows text file: CRLF line ends, a byte order mark, the encoding the tool expects. */
final class ScriptText {

  private final StringBuilder text = new StringBuilder();

  ScriptText line(String s) {
    text.append(s).append("\r\n");
    return this;
  }

  ScriptText blank() {
    return line("");
  }

  /** A comment line; evidence-derived text loses anything that could end the line. */
  ScriptText comment(String marker, String s) {
    return line(marker + " " + oneLine(s));
  }

  String text() {
    return text.toString();
  }

  /** regedit writes version 5.00 files as UTF-16LE with a BOM. */
  byte[] utf16le() {
    return withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE);
  }

  /** Windows PowerShell 5.1 reads BOM-less scripts as ANSI, so non-ASCII names need the BOM. */
  byte[] utf8WithBom() {
    return withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8);
  }

  byte[] utf8() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] withBom(byte[] bom, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.toString().getBytes(charset));
    return out.toByteArray();
  }

  /** Control characters and Unicode line separators become spaces. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean breaks =
                  Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
              out.appendCodePoint(breaks ? ' ' : cp);
            });
    return out.toString();
  }
}
