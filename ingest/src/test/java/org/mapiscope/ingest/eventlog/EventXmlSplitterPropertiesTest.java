package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Piece;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The bulk splitter cuts any text exactly as the plain one-character-at-a-time rules do ({@link
 * ReferenceSplitter}): texts are built from the fragments that matter (event starts and ends,
 * look-alike names, self-closing tags, line breaks of every kind, comments, DOCTYPEs) and handed
 * over in chunks of random sizes, so names and line breaks fall across buffer refills.
 */
class EventXmlSplitterPropertiesTest {

  private static final List<String> FRAGMENTS =
      List.of(
          "<Event>",
          "<Event ",
          "<Event\n",
          "<Event\r\n",
          "<Event/>",
          "<Event a='1'/>",
          "</Event>",
          "</Event >",
          "<EventData>",
          "<EventID>9646</EventID>",
          "<Events>",
          "</Events>",
          "<Data>x</Data>",
          "<!-- c -->",
          "<!DOCTYPE r>",
          "<!ENTITY e 'x'>",
          "<?xml version='1.0'?>",
          "\n",
          "\r\n",
          "\r",
          " ",
          "text",
          "<",
          ">",
          "/",
          "/>",
          "<E",
          "vent",
          "<Eventful>",
          "</Event",
          "&amp;");

  private static final Gen<String> TEXTS =
      lists()
          .of(Generate.pick(FRAGMENTS))
          .ofSizeBetween(0, 60)
          .map(parts -> String.join("", parts));

  @Test
  void cutsLikeTheReferenceWhateverTheChunks() {
    qt().withExamples(3000)
        .forAll(TEXTS, integers().between(1, 23))
        .checkAssert(
            (text, chunk) ->
                assertThat(bulk(new Chunked(text, chunk)))
                    .as("%s in chunks of %d", text, chunk)
                    .isEqualTo(reference(new StringReader(text))));
  }

  @Test
  void keepsLineNumbersAcrossManyRefills() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i % 3 == 0 ? "<Event\r\n a='1'>" : "<Event>")
          .append("<Data>")
          .append("x".repeat(i % 97))
          .append("</Data>\n</Event>")
          .append(i % 5 == 0 ? "\r\n" : "\n");
    }
    assertThat(bulk(new Chunked(text.toString(), 70_001)))
        .isEqualTo(reference(new StringReader(text.toString())));
  }

  private static List<Piece> bulk(Reader text) {
    return all(new EventXmlSplitter(text)::next);
  }

  private static List<Piece> reference(Reader text) {
    return all(new ReferenceSplitter(text)::next);
  }

  /** A splitter's {@code next()}. */
  private interface Pieces {
    Piece next() throws IOException;
  }

  private static List<Piece> all(Pieces splitter) {
    try {
      List<Piece> pieces = new ArrayList<>();
      Piece p;
      while ((p = splitter.next()) != null) {
        pieces.add(p);
      }
      return pieces;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hands the text over at most {@code chunk} characters a call, as a slow stream would. */
  private static final class Chunked extends Reader {
    private final String text;
    private final int chunk;
    private int at;

    Chunked(String text, int chunk) {
      this.text = text;
      this.chunk = chunk;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (at >= text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, chunk), text.length() - at);
      text.getChars(at, at + n, buffer, offset);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
