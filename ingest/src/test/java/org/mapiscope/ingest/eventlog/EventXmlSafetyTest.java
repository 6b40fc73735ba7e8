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
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitExceeded;

/** A hostile export must never make the reader open a file or a URL (DESIGN §8). */
class EventXmlSafetyTest {

    private static final String SECRET = "TOP-SECRET-CONTENT-4711";

    private static String event(String data) {
        return "<Event xmlns='" + EventXmlReader.EVENT_NAMESPACE + "'><System><Provider Name='MSExchangeIS'/>"
                + "<EventID>9646</EventID><TimeCreated SystemTime='2026-11-02T08:00:00Z'/><Computer>EX01</Computer></System>"
                + "<EventData><Data>" + data + "</Data><Data>32</Data><Data>session</Data></EventData></Event>";
    }

    @Test
    void refusesADoctypeWithAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "/o=Org/cn=Recipients/cn=" + SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Events [\n  <!ENTITY leak SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<Events>\n" + event("&leak;") + "\n" + event("/o=Org/cn=Recipients/cn=jdoe") + "\n</Events>\n";
        BytesInput input = BytesInput.utf8("hostile.xml", xml);
        assertThat(new EventXmlReader().detect(input.sniff())).isTrue();

        CollectingContext context = new CollectingContext();
        new EventXmlReader().read(input, context);

        assertThat(context.emitted).isEmpty();
        assertThat(context.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.where()).isEqualTo(EvidenceRef.line("hostile.xml", 2));
            assertThat(skip.message()).contains("DOCTYPE").contains("never read").doesNotContain(SECRET);
        });
    }

    @Test
    void skipsAnEventWithAnUndeclaredEntityAndReadsTheRest(@TempDir Path dir) throws IOException {
        String xml = event("&leak;") + "\n" + event("/o=Org/cn=Recipients/cn=jdoe") + "\n";
        CollectingContext context = new CollectingContext();
        new EventXmlReader().read(BytesInput.utf8("entity.xml", xml), context);

        assertThat(context.emitted).singleElement().extracting(e -> ((LimitExceeded) e).user()).isEqualTo("jdoe");
        assertThat(context.skipped).singleElement().satisfies(skip -> {
            assertThat(skip.where()).isEqualTo(EvidenceRef.line("entity.xml", 1));
            assertThat(skip.message()).contains("not well-formed").contains("leak");
        });
    }

    @Test
    void theParserFactoryItselfNeverResolvesAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<!DOCTYPE r [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]><r>&leak;</r>";

        assertThatThrownBy(() -> {
            XMLStreamReader reader = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
            assertThat(text.toString()).doesNotContain(SECRET);
            throw new AssertionError("the entity reference was accepted: " + text);
        }).isInstanceOf(XMLStreamException.class).hasMessageContaining("leak").hasMessageNotContaining(SECRET);
    }
}
