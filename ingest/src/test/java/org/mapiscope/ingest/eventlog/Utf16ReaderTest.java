package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * {@link Utf16Reader} reads any bytes — surrogate pairs, lone and reversed halves, U+FFFE, an odd
 * last byte — as the JDK's decoder with {@code REPLACE} does, whatever the sizes of the reads and
 * of the blocks the stream hands over.
 */
class Utf16ReaderTest {

  private static final List<Integer> UNITS =
      List.of(
          (int) 'a',
          (int) '<',
          (int) '\n',
          0x00E9,
          0x20AC,
          0xD83D,
          0xDE00,
          0xDBFF,
          0xDC00,
          0xFFFE,
          0xFEFF,
          0xFFFF,
          0x0000);

  @Test
  void readsLikeTheJdkDecoder() {
    qt().withExamples(3000)
        .forAll(
            lists().of(Generate.pick(UNITS)).ofSizeBetween(0, 40),
            booleans().all(),
            booleans().all(),
            integers().between(1, 7))
        .checkAssert(
            (units, little, oddByte, step) -> {
              byte[] bytes = new byte[units.size() * 2 + (oddByte ? 1 : 0)];
              for (int i = 0; i < units.size(); i++) {
                int u = units.get(i);
                bytes[2 * i + (little ? 0 : 1)] = (byte) u;
                bytes[2 * i + (little ? 1 : 0)] = (byte) (u >> 8);
              }
              if (oddByte) {
                bytes[bytes.length - 1] = 0x41;
              }
              String expected =
                  read(
                      new InputStreamReader(
                          new ByteArrayInputStream(bytes),
                          (little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
                              .newDecoder()
                              .onMalformedInput(CodingErrorAction.REPLACE)
                              .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                      64);
              assertThat(read(new Utf16Reader(new Trickle(bytes, step), little), step))
                  .isEqualTo(expected);
            });
  }

  private static String read(Reader reader, int chunk) {
    try (reader) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[chunk];
      int n;
      while ((n = reader.read(buffer, 0, chunk)) >= 0) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Hands the bytes over a few at a time. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final int step;
    private int at;

    Trickle(byte[] bytes, int step) {
      this.bytes = bytes;
      this.step = step;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, step), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
