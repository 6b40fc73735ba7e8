package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.model.SessionEvent;

/**
 * An RCA log reads the same whatever encoding and line ends the copy has: the bytes of UTF-8 and
 * windows-1252 copies are split in place, UTF-16 copies go through the decoder.
 */
class RcaEncodingsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final RcaReader reader = new RcaReader();

  private static String text(String resource) throws IOException {
    try (InputStream in = RcaEncodingsTest.class.getResourceAsStream(resource)) {
      // A user with an umlaut in the first row, so a windows-1252 copy is told from UTF-8 by its
      // head.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("cn=jdoe", "cn=jmüller")
          .replace("\r\n", "\n");
    }
  }

  private static byte[] encode(String text, Charset charset, byte[] bom, String lineEnd) {
    byte[] body = text.replace("\n", lineEnd).getBytes(charset);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  private Collecting read(byte[] bytes, String name) throws IOException {
    return Collecting.read(reader, bytes, name, "EX01", UTC);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/rca/RCA_20261102-1.LOG",
        "/rca/RCA_2026110209-1.LOG",
        "/rca/RCA_20261103-1.LOG",
        "/rca/RCA_2017010212-1.LOG"
      })
  void everyEncodingAndLineEndReadsAsTheUtf8Copy(String resource) throws IOException {
    String text = text(resource);
    Collecting expected = read(encode(text, StandardCharsets.UTF_8, new byte[0], "\n"), "x.LOG");
    assertThat(expected.of(SessionEvent.class)).isNotEmpty();
    byte[] none = {};
    List<byte[]> copies =
        List.of(
            encode(
                text,
                StandardCharsets.UTF_8,
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "\r\n"),
            encode(text, StandardCharsets.UTF_8, none, "\r"),
            encode(text, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, "\r\n"),
            encode(text, StandardCharsets.UTF_16LE, none, "\n"),
            encode(text, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, "\r\n"),
            encode(text, WINDOWS_1252, none, "\r\n"));
    for (byte[] copy : copies) {
      Collecting c = read(copy, "x.LOG");
      assertThat(c.evidence).isEqualTo(expected.evidence);
      assertThat(c.errors).isEqualTo(expected.errors);
      assertThat(c.counted).isEqualTo(expected.counted);
    }
    if (text.contains("jmüller")) {
      assertThat(expected.of(SessionEvent.class))
          .extracting(SessionEvent::user)
          .contains("jmüller");
    }
  }
}
