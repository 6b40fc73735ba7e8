package org.mapiscope.ingest.eventlog;

import java.io.CharArrayReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the fields of one {@code <Event>} element with StAX. Elements are matched by local name, so
 * the element may carry the Windows event namespace or none. Not thread-safe: one per input.
 */
final class EventXmlParser {

  private final XMLInputFactory factory;

  EventXmlParser(XMLInputFactory factory) {
    this.factory = factory;
  }

  /**
   * The fields of the event element in {@code text[offset, offset + length)}.
   *
   * @throws XMLStreamException when the element is not well-formed XML (the message says where)
   */
  EventXmlFields parse(char[] text, int offset, int length) throws XMLStreamException {
    XMLStreamReader xml = factory.createXMLStreamReader(new CharArrayReader(text, offset, length));
    try {
      return read(xml);
    } finally {
      xml.close();
    }
  }

  private static EventXmlFields read(XMLStreamReader xml) throws XMLStreamException {
    String provider = null;
    String sourceName = null;
    String eventId = null;
    String systemTime = null;
    String recordId = null;
    String computer = null;
    String message = null;
    List<String> data = new ArrayList<>();
    Deque<String> path = new ArrayDeque<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        path.pop();
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = xml.getLocalName();
      String parent = path.peek();
      if ("System".equals(parent)) {
        switch (name) {
          case "Provider" -> {
            provider = xml.getAttributeValue(null, "Name");
            sourceName = xml.getAttributeValue(null, "EventSourceName");
          }
          case "TimeCreated" -> systemTime = xml.getAttributeValue(null, "SystemTime");
          case "EventID" -> {
            eventId = xml.getElementText();
            continue;
          }
          case "EventRecordID" -> {
            recordId = xml.getElementText();
            continue;
          }
          case "Computer" -> {
            computer = xml.getElementText();
            continue;
          }
          default -> {}
        }
      } else if ("EventData".equals(parent) && "Data".equals(name)) {
        data.add(xml.getElementText());
        continue;
      } else if ("RenderingInfo".equals(parent) && "Message".equals(name)) {
        message = xml.getElementText();
        continue;
      }
      path.push(name);
    }
    return new EventXmlFields(
        provider, sourceName, eventId, systemTime, recordId, computer, data, message);
  }
}
