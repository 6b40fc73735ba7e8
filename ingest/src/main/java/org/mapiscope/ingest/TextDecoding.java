package org.mapiscope.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns exported bytes into text the way Windows tools wrote them: a BOM decides (UTF-8, UTF-16LE,
 * UTF-16BE); without one, UTF-16LE is recognised by its zero high bytes, valid UTF-8 is UTF-8,
 * anything else is windows-1252 (regedit's REGEDIT4, cmd redirections, Export-Csv ASCII). Malformed
 * bytes become U+FFFD instead of failing the file.
 */
public final class TextDecoding {

  private TextDecoding() {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The charset of {@code head} and the length of its BOM. */
  public record Detected(Charset charset, int bomLength) {}

  /** Decides the encoding from the first bytes of an input. */
  public static Detected detect(byte[] head, int length) {
    if (length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, 2);
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, 2);
    }
    if (looksUtf16Le(head, length)) {
      return new Detected(StandardCharsets.UTF_16LE, 0);
    }
    return new Detected(isValidUtf8(head, length) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
  }

  /** Decodes a sniffed head, dropping the BOM. */
  public static String decode(byte[] head) {
    Detected d = detect(head, head.length);
    int len = head.length - d.bomLength();
    if (d.charset() == StandardCharsets.UTF_16LE || d.charset() == StandardCharsets.UTF_16BE) {
      len &= ~1; // a head cut in the middle of a code unit
    }
    return new String(head, d.bomLength(), Math.max(0, len), d.charset());
  }

  /**
   * The lines of the whole stream, decoded with the detected charset, without the BOM, each at most
   * {@link BoundedLineReader#MAX_LINE_CHARS}: longer ones are skipped and told to {@code overlong}.
   */
  public static BoundedLineReader lines(InputStream in, BoundedLineReader.Overlong overlong)
      throws IOException {
    return new BoundedLineReader(decoded(in), overlong);
  }

  /**
   * The lines of the whole stream as bytes, without the BOM: read in place when the detected
   * charset is ASCII-compatible (UTF-8, windows-1252), otherwise decoded and encoded again as
   * UTF-8. Lines over the cap are skipped and reported to {@code context} as records of {@code
   * file}.
   */
  public static ByteLines byteLines(InputStream in, ReadContext context, String file)
      throws IOException {
    Opened text = open(in);
    if (text.charset() == StandardCharsets.UTF_16LE
        || text.charset() == StandardCharsets.UTF_16BE) {
      return new Utf16ByteLines(
          new BoundedLineReader(
              replacing(text.afterBom(), text.charset()),
              BoundedLineReader.reportingTo(context, file)));
    }
    // no second buffer between the file and the line reader, which reads large blocks itself
    return new ByteLineReader(
        text.afterBom(),
        text.charset(),
        BoundedLineReader.MAX_LINE_CHARS,
        BoundedLineReader.reportingTo(context, file, "byte"));
  }

  /**
   * The whole stream decoded with the detected charset, without the BOM. Unbuffered and unbounded:
   * read lines of it only through a {@link BoundedLineReader}.
   */
  public static Reader decoded(InputStream in) throws IOException {
    Opened text = open(in);
    return replacing(new BufferedInputStream(text.afterBom(), 1 << 16), text.charset());
  }

  /** A stream's bytes after its BOM, and the charset its head shows. */
  private record Opened(InputStream afterBom, Charset charset) {}

  /** Reads the head to decide the charset, then hands it on again from memory. */
  private static Opened open(InputStream in) throws IOException {
    byte[] head = in.readNBytes(4096);
    Detected d = detect(head, head.length);
    return new Opened(
        new SequenceInputStream(
            new ByteArrayInputStream(head, d.bomLength(), head.length - d.bomLength()), in),
        d.charset());
  }

  /** The text of {@code in}; malformed bytes become U+FFFD instead of failing the file. */
  private static Reader replacing(InputStream in, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStreamReader(in, decoder);
  }

  private static boolean looksUtf16Le(byte[] b, int length) {
    int pairs = Math.min(length, 512) / 2;
    if (pairs < 2) {
      return false;
    }
    int zeroHigh = 0;
    for (int i = 0; i < pairs; i++) {
      if (b[2 * i + 1] == 0 && b[2 * i] != 0) {
        zeroHigh++;
      }
    }
    return zeroHigh * 10 >= pairs * 9;
  }

  private static boolean isValidUtf8(byte[] b, int length) {
    int i = 0;
    while (i < length) {
      int c = b[i] & 0xFF;
      int extra =
          c < 0x80
              ? 0
              : c >= 0xC2 && c < 0xE0
                  ? 1
                  : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
      if (extra < 0) {
        return false;
      }
      if (i + extra >= length) {
        return true; // a sequence cut by the end of the head is not evidence against UTF-8
      }
      for (int k = 1; k <= extra; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += extra + 1;
    }
    return true;
  }
}
