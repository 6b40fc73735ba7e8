package org.mapiscope.ingest.eventlog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.mapiscope.ingest.TextDecoding;
import org.mapiscope.ingest.TextDecoding.Detected;

/**
 * Opens an exported event log as text, with the encoding {@link TextDecoding} finds: UTF-16 (Event
 * Viewer's "Save as XML" and "Unicode" text) through {@link Utf16Reader}, everything else through
 * {@link TextDecoding#decoded}. The byte order mark is dropped either way.
 */
final class EventText {

  private static final int HEAD = 4096;

  private EventText() {}

  /**
   * A reader over the whole stream; closing it closes the stream. Unbounded: a line-based or CSV
   * reader reads it through a {@link org.mapiscope.ingest.BoundedLineReader}.
   *
   * @throws IOException when the stream cannot be read
   */
  static Reader reader(InputStream raw) throws IOException {
    BufferedInputStream in =
        raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
    in.mark(HEAD);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    Detected detected = TextDecoding.detect(head, head.length);
    boolean little = detected.charset() == StandardCharsets.UTF_16LE;
    if (little || detected.charset() == StandardCharsets.UTF_16BE) {
      in.skipNBytes(detected.bomLength());
      return new Utf16Reader(in, little);
    }
    return TextDecoding.decoded(in);
  }
}
