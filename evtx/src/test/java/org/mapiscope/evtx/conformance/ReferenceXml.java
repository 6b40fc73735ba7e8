package org.mapiscope.evtx.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Cuts a reference tool's output into {@code <Event>} elements and reads each on its own, so one
 * bad event (or output cut short by a crash) costs only that event. evtxexport prints a banner line
 * and no root element; python-evtx wraps everything in {@code <Events>} under an XML 1.1
 * declaration and prints binary data as Base64 instead of hex.
 */
final class ReferenceXml {

  private static final String OPEN = "<Event xmlns=";
  private static final String CLOSE = "</Event>";

  private ReferenceXml() {}

  static List<RefEvent> events(String output, boolean pythonStyle, List<String> problems) {
    List<RefEvent> events = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = output.indexOf(OPEN, from);
      if (start < 0) {
        return events;
      }
      int end = output.indexOf(CLOSE, start);
      if (end < 0) {
        problems.add("output ends inside an event at character " + start);
        return events;
      }
      from = end + CLOSE.length();
      String fragment = output.substring(start, from);
      try {
        events.add(event(SecureXml.parse("<?xml version=\"1.1\"?>" + fragment), pythonStyle));
      } catch (Exception e) {
        problems.add("event at character " + start + " is not readable XML: " + e.getMessage());
      }
    }
  }

  private static RefEvent event(Document doc, boolean pythonStyle) {
    Element event = doc.getDocumentElement();
    Element system = child(event, "System");
    Element eventId = child(system, "EventID");
    List<RefEvent.RefData> data = new ArrayList<>();
    String binary = null;
    Element eventData = child(event, "EventData");
    Element userData = child(event, "UserData");
    if (eventData != null) {
      for (Element e : children(eventData)) {
        if (e.getLocalName().equals("Binary")) {
          binary = hex(e.getTextContent(), pythonStyle);
        } else {
          data.add(new RefEvent.RefData(attr(e, "Name"), e.getTextContent()));
        }
      }
    } else if (userData != null) {
      children(userData).forEach(top -> leaves(top, data));
    }
    return new RefEvent(
        Long.parseLong(text(system, "EventRecordID")),
        Integer.parseInt(text(system, "EventID")),
        integer(attr(eventId, "Qualifiers")),
        attr(child(system, "Provider"), "Name"),
        integer(text(system, "Level")),
        integer(text(system, "Task")),
        time(attr(child(system, "TimeCreated"), "SystemTime")),
        text(system, "Channel"),
        text(system, "Computer"),
        blankToNull(attr(child(system, "Security"), "UserID")),
        data,
        binary);
  }

  /**
   * evtxexport: {@code 2021-03-31T23:51:45.018767400Z}; python-evtx: {@code 2021-03-31
   * 23:51:45.018768}.
   */
  static Instant time(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String iso = text.replace(' ', 'T');
    return Instant.parse(iso.endsWith("Z") ? iso : iso + "Z");
  }

  private static String hex(String text, boolean base64) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    return base64
        ? HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(t))
        : t.toUpperCase(Locale.ROOT);
  }

  private static void leaves(Element e, List<RefEvent.RefData> out) {
    List<Element> kids = children(e);
    if (kids.isEmpty()) {
      out.add(new RefEvent.RefData(e.getLocalName(), e.getTextContent()));
    } else {
      kids.forEach(k -> leaves(k, out));
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Element e : children(parent)) {
      if (e.getLocalName().equals(localName)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String localName) {
    Element e = child(parent, localName);
    return e == null ? null : e.getTextContent();
  }

  private static String attr(Element e, String name) {
    return e == null || !e.hasAttribute(name) ? null : e.getAttribute(name);
  }

  private static Integer integer(String text) {
    return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
