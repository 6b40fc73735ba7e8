package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** What damaged chunks hand the renderer must still come out as well-formed XML 1.0. */
class XmlRendererTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void controlCharactersInValuesAreLeftOutAsPythonEvtxDoes() throws Exception {
    XmlRenderer x = new XmlRenderer();
    x.begin();
    x.startElement("Data");
    x.attribute("Name", ValueType.STRING, "Q\u0001NAME");
    x.text(ValueType.STRING, "b._dns-sd._udp.\u0001.\u0003\uFFFE\uD800x\tA\u00e9\uD83D\uDE00");
    x.charRef(1);
    x.charRef(0x41);
    x.cdata("c\u0002d");
    x.endElement("Data");
    String xml = x.finish();

    assertThat(xml).doesNotContain("&#x1;").doesNotContain("&#x3;").doesNotContain("&#1;");
    Element data = parse(xml).getDocumentElement();
    assertThat(data.getAttribute("Name")).isEqualTo("QNAME");
    assertThat(data.getTextContent()).isEqualTo("b._dns-sd._udp..x\tA\u00e9\uD83D\uDE00Acd");
  }

  @Test
  void damagedNamesBecomeValidNames() throws Exception {
    XmlRenderer x = new XmlRenderer();
    x.begin();
    x.startElement("Ev\u0001ent");
    x.attribute("1 bad", ValueType.STRING, "v");
    x.startElement("\u0002");
    x.endElement("\u0002");
    x.startElement("");
    x.endElement("");
    x.entityRef("a\u0003b");
    x.entityRef("amp");
    x.processingInstruction("xml", "x\u0004");
    x.endElement("Ev\u0001ent");
    String xml = x.finish();

    Element root = parse("<r>" + xml + "</r>").getDocumentElement();
    Element event = (Element) root.getFirstChild();
    assertThat(event.getTagName()).isEqualTo("Ev_ent");
    assertThat(event.getAttribute("_1_bad")).isEqualTo("v");
    assertThat(event.getTextContent().strip()).isEqualTo("&ab;&");
    assertThat(xml).contains("<_/>").contains("&amp;ab;&amp;").contains("<?_xml x?>");
  }
}
