package org.mapiscope.ingest.eventlog;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The one place event XML parsers are made (docs/safety.md): the JDK's own StAX implementation with
 * DTDs and external entities switched off, so an export from a hostile source cannot make us read
 * files or fetch URLs. A DOCTYPE is refused before parsing ({@link EventXmlSplitter}); this is the
 * second line of defence.
 */
final class SafeXml {

  private SafeXml() {}

  /**
   * A new factory; factories are cheap, and one per input avoids sharing a mutable object between
   * threads.
   */
  static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
