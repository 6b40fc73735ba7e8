package org.mapiscope.evtx;

import java.util.List;

/**
 * XML for event records. Records read from {@code .evtx} come with their exact XML from {@link
 * EvtxParser#xmlRecords()}; {@link #render(EventRecord)} writes the same shape from the decoded
 * fields alone (for legacy {@code .evt} records, which have no XML of their own). The document
 * constants wrap records the way Event Viewer's "Save as XML" does.
 */
public final class EvtxXml {

  /** Written before the first record. */
  public static final String DOCUMENT_START =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n";

  /** Written after the last record. */
  public static final String DOCUMENT_END = "</Events>\n";

  private static final String NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

  private EvtxXml() {}

  /** An {@code <Event>} element built from a record's fields: System, then EventData in order. */
  public static String render(EventRecord r) {
    XmlRenderer x = new XmlRenderer();
    x.begin();
    x.startElement("Event");
    x.attribute("xmlns", ValueType.STRING, NAMESPACE);
    x.startElement("System");
    if (r.provider() != null) {
      x.startElement("Provider");
      x.attribute("Name", ValueType.STRING, r.provider());
      x.endElement("Provider");
    }
    x.startElement("EventID");
    if (r.qualifiers() != null) {
      x.attribute("Qualifiers", ValueType.UINT16, (long) r.qualifiers());
    }
    x.text(ValueType.UINT16, (long) r.eventId());
    x.endElement("EventID");
    leaf(x, "Level", ValueType.UINT8, r.level() == null ? null : (long) r.level());
    leaf(x, "Task", ValueType.UINT16, r.task() == null ? null : (long) r.task());
    leaf(x, "Keywords", ValueType.HEX_INT64, r.keywords());
    if (r.timeCreated() != null) {
      x.startElement("TimeCreated");
      x.attribute("SystemTime", ValueType.FILETIME, r.timeCreated());
      x.endElement("TimeCreated");
    }
    leaf(x, "EventRecordID", ValueType.UINT64, r.recordId());
    leaf(x, "Channel", ValueType.STRING, r.channel());
    leaf(x, "Computer", ValueType.STRING, r.computer());
    x.startElement("Security");
    if (r.userSid() != null) {
      x.attribute("UserID", ValueType.STRING, r.userSid());
    }
    x.endElement("Security");
    x.endElement("System");
    List<DataItem> data = r.data();
    if (!data.isEmpty()) {
      x.startElement("EventData");
      for (DataItem item : data) {
        boolean binary = "Binary".equals(item.name()) && item.value() instanceof byte[];
        String element = binary ? "Binary" : "Data";
        x.startElement(element);
        if (!binary && item.name() != null) {
          x.attribute("Name", ValueType.STRING, item.name());
        }
        if (item.value() != null) {
          x.text(ValueType.NULL, item.value());
        }
        x.endElement(element);
      }
      x.endElement("EventData");
    }
    x.endElement("Event");
    return x.finish();
  }

  private static void leaf(XmlRenderer x, String name, int type, Object value) {
    if (value != null) {
      x.startElement(name);
      x.text(type, value);
      x.endElement(name);
    }
  }
}
