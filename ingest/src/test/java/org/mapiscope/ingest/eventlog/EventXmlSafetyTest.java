package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.model.LimitEvent;

/** A hostile export must never make the reader open a file or a URL (docs/safety.md). */
class EventXmlSafetyTest {

  private static final String SECRET = "TOP-SECRET-CONTENT-4711";

  private static String event(String data) {
    return "<Event xmlns='"
        + EventXmlReader.EVENT_NAMESPACE
        + "'><System><Provider Name='MSExchangeIS'/><EventID>9646</EventID><TimeCreated"
        + " SystemTime='2026-11-02T08:00:00Z'/><Computer>EX01</Computer></System><EventData><Data>"
        + data
        + "</Data><Data>32</Data><Data>session</Data></EventData></Event>";
  }

  @Test
  void refusesADoctypeWithAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "/o=Org/cn=Recipients/cn=" + SECRET);
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [\n  <!ENTITY leak SYSTEM \""
            + secret.toUri()
            + "\">\n]>\n"
            + "<Events>\n"
            + event("&leak;")
            + "\n"
            + event("/o=Org/cn=Recipients/cn=jdoe")
            + "\n</Events>\n";
    assertThat(new EventXmlReader().detect(Collecting.sniff(TestBytes.utf8(xml), "hostile.xml")))
        .isTrue();

    Collecting context = Collecting.readText(new EventXmlReader(), xml, "hostile.xml");

    assertThat(context.evidence).isEmpty();
    assertThat(context.errors)
        .singleElement()
        .satisfies(
            skip -> {
              assertThat(skip.where()).isEqualTo("hostile.xml:2");
              assertThat(skip.message())
                  .contains("DOCTYPE")
                  .contains("never read")
                  .doesNotContain(SECRET);
            });
  }

  @Test
  void skipsAnEventWithAnUndeclaredEntityAndReadsTheRest() throws IOException {
    String xml = event("&leak;") + "\n" + event("/o=Org/cn=Recipients/cn=jdoe") + "\n";
    Collecting context = Collecting.readText(new EventXmlReader(), xml, "entity.xml");

    assertThat(context.of(LimitEvent.class))
        .singleElement()
        .extracting(LimitEvent::user)
        .isEqualTo("jdoe");
    assertThat(context.errors)
        .singleElement()
        .satisfies(
            skip -> {
              assertThat(skip.where()).isEqualTo("entity.xml:1");
              assertThat(skip.message()).contains("not well-formed").contains("leak");
            });
  }

  @Test
  void theParserFactoryItselfNeverResolvesAnExternalEntity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    String xml = "<!DOCTYPE r [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]><r>&leak;</r>";

    assertThatThrownBy(
            () -> {
              XMLStreamReader reader =
                  SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
              StringBuilder text = new StringBuilder();
              while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.CHARACTERS) {
                  text.append(reader.getText());
                }
              }
              assertThat(text.toString()).doesNotContain(SECRET);
              throw new AssertionError("the entity reference was accepted: " + text);
            })
        .isInstanceOf(XMLStreamException.class)
        .hasMessageContaining("leak")
        .hasMessageNotContaining(SECRET);
  }
}
