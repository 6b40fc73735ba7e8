package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  private static String readAll(byte[] bytes) throws IOException {
    try (var r = TextDecoding.lines(new ByteArrayInputStream(bytes), (l, o, c, n) -> {})) {
      StringBuilder sb = new StringBuilder();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        sb.append(l).append('\n');
      }
      return sb.toString();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsRegeditVersion5AsUtf16WithoutTheBom() throws IOException {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "Windows Registry Editor Version 5.00\r\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(readAll(bytes)).isEqualTo("Windows Registry Editor Version 5.00\n");
  }

  @Test
  void readsUtf16WithoutBomByItsZeroHighBytes() throws IOException {
    assertThat(readAll("Level,Date and Time\r\n".getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo("Level,Date and Time\n");
  }

  @Test
  void readsUtf8WithBom() throws IOException {
    byte[] bytes =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "Ebene,Datum“x”\n".getBytes(StandardCharsets.UTF_8));
    assertThat(readAll(bytes)).isEqualTo("Ebene,Datum“x”\n");
  }

  @Test
  void fallsBackToWindows1252ForAnsiExports() throws IOException {
    byte[] bytes = "M\u00fcller \u201cquoted\u201d\n".getBytes(Charset.forName("windows-1252"));
    assertThat(readAll(bytes)).isEqualTo("M\u00fcller \u201cquoted\u201d\n");
  }

  @Test
  void decodesASniffedHeadCutInsideAUtf16CodeUnit() {
    byte[] full =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, "<Events>".getBytes(StandardCharsets.UTF_16LE));
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
    assertThat(TextDecoding.decode(cut)).isEqualTo("<Events");
  }
}
