package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Broken;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Element;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Piece;

class EventXmlSplitterTest {

  private static List<Piece> split(Reader text) throws IOException {
    EventXmlSplitter splitter = new EventXmlSplitter(text);
    List<Piece> pieces = new ArrayList<>();
    Piece p;
    while ((p = splitter.next()) != null) {
      pieces.add(p);
    }
    return pieces;
  }

  @Test
  void findsElementsWithTheirStartLines() throws IOException {
    String text =
        "<?xml version=\"1.0\"?>\n"
            + "<Events>\n"
            + "<!-- c -->\n"
            + "<Event>\n"
            + " <EventData/>\n"
            + "</Event><Event/>\n"
            + "<Event\n"
            + " a='1'></Event>\n"
            + "</Events>\n";
    assertThat(split(new StringReader(text)))
        .containsExactly(
            new Element(4, "<Event>\n <EventData/>\n</Event>"),
            new Element(6, "<Event/>"),
            new Element(7, "<Event\n a='1'></Event>"));
  }

  @Test
  void skipsAnOversizedEventAndGoesOn() throws IOException {
    int size = EventXmlSplitter.MAX_EVENT_CHARS + 10;
    Reader huge =
        new Reader() {
          private final String head = "<Event><EventData><Data>";
          private final String tail = "</Data></EventData></Event>\n<Event>small</Event>";
          private long at;

          @Override
          public int read(char[] buffer, int offset, int length) {
            long total = head.length() + (long) size + tail.length();
            if (at >= total) {
              return -1;
            }
            int n = 0;
            while (n < length && at < total) {
              long i = at++;
              buffer[offset + n++] =
                  i < head.length()
                      ? head.charAt((int) i)
                      : i < head.length() + size
                          ? 'x'
                          : tail.charAt((int) (i - head.length() - size));
            }
            return n;
          }

          @Override
          public void close() {}
        };
    List<Piece> pieces = split(huge);
    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(0)).isInstanceOf(Broken.class);
    assertThat(((Broken) pieces.get(0)).reason()).contains("longer than");
    assertThat(pieces.get(1)).isEqualTo(new Element(2, "<Event>small</Event>"));
  }
}
