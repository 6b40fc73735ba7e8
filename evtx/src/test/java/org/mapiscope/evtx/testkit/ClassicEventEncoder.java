package org.mapiscope.evtx.testkit;

/**
 * Encodes a classic event's BinXml the way Windows stores events of EventLog API sources: one
 * template for the System part (provider, channel and computer as literal text; the rest as
 * optional substitutions, numbered as Windows numbers them) whose last substitution is a nested
 * BinXml fragment, itself a template instance of {@code <EventData>} with one unnamed {@code
 * <Data>} per insertion string and a {@code <Binary>}.
 */
final class ClassicEventEncoder {

  private static final String EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";

  // substitution numbers of the System template, as in Windows-written logs
  private static final int LEVEL = 0;
  private static final int OPCODE = 1;
  private static final int TASK = 2;
  private static final int EVENT_ID = 3;
  private static final int QUALIFIERS = 4;
  private static final int KEYWORDS = 5;
  private static final int TIME_CREATED = 6;
  private static final int ACTIVITY_ID = 7;
  private static final int PROCESS_ID = 8;
  private static final int THREAD_ID = 9;
  private static final int RECORD_ID = 10;
  private static final int VERSION = 11;
  private static final int USER_ID = 12;
  private static final int RELATED_ACTIVITY_ID = 18;
  private static final int EVENT_DATA = 19;
  private static final int SYSTEM_VALUES = 20;

  private static final int GUID = 0x0F;

  private ClassicEventEncoder() {}

  static void encode(BinXmlWriter xml, ChunkTemplates templates, TestEvent e) {
    xml.fragmentHeader();
    String key = "System|" + e.provider() + "|" + e.channel() + "|" + e.computer();
    templates.instance(xml, key, w -> systemTemplate(w, e));
    SubstitutionValues v = new SubstitutionValues(xml.out(), SYSTEM_VALUES);
    v.u8(e.level());
    v.u8(0);
    v.u16(e.task());
    v.u16(e.eventId());
    if (e.qualifiers() == null) {
      v.nul();
    } else {
      v.u16(e.qualifiers());
    }
    v.hex64(e.keywords());
    v.filetime(e.timeCreated());
    v.nul();
    v.u32(0);
    v.u32(0);
    v.u64(e.recordId());
    v.u8(0);
    if (e.userSid() == null) {
      v.nul();
    } else {
      v.sid(e.userSid());
    }
    for (int i = USER_ID + 1; i < RELATED_ACTIVITY_ID; i++) {
      v.nul();
    }
    v.nul();
    v.begin(SubstitutionValues.BINXML);
    eventData(xml, templates, e);
    v.end();
    v.finish();
    xml.endOfFragment();
  }

  private static void systemTemplate(BinXmlWriter w, TestEvent e) {
    int event = w.openElement("Event", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("xmlns", true);
    w.text(EVENT_NS);
    w.closeStart(event, true);

    int system = w.openElement("System", BinXmlWriter.NO_DEPENDENCY, false);
    w.closeStart(system, false);

    int provider = w.openElement("Provider", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("Name", true);
    w.text(e.provider());
    w.closeEmpty(provider, true);

    int eventId = w.openElement("EventID", EVENT_ID, true);
    w.attribute("Qualifiers", true);
    w.substitution(QUALIFIERS, SubstitutionValues.UINT16);
    w.closeStart(eventId, true);
    w.substitution(EVENT_ID, SubstitutionValues.UINT16);
    w.endElement(eventId);

    w.substitutedElement("Version", VERSION, SubstitutionValues.UINT8);
    w.substitutedElement("Level", LEVEL, SubstitutionValues.UINT8);
    w.substitutedElement("Task", TASK, SubstitutionValues.UINT16);
    w.substitutedElement("Opcode", OPCODE, SubstitutionValues.UINT8);
    w.substitutedElement("Keywords", KEYWORDS, SubstitutionValues.HEXINT64);

    int time = w.openElement("TimeCreated", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("SystemTime", true);
    w.substitution(TIME_CREATED, SubstitutionValues.FILETIME);
    w.closeEmpty(time, true);

    w.substitutedElement("EventRecordID", RECORD_ID, SubstitutionValues.UINT64);

    int correlation = w.openElement("Correlation", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("ActivityID", false);
    w.substitution(ACTIVITY_ID, GUID);
    w.attribute("RelatedActivityID", true);
    w.substitution(RELATED_ACTIVITY_ID, GUID);
    w.closeEmpty(correlation, true);

    int execution = w.openElement("Execution", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("ProcessID", false);
    w.substitution(PROCESS_ID, SubstitutionValues.UINT32);
    w.attribute("ThreadID", true);
    w.substitution(THREAD_ID, SubstitutionValues.UINT32);
    w.closeEmpty(execution, true);

    w.textElement("Channel", e.channel());
    w.textElement("Computer", e.computer());

    int security = w.openElement("Security", BinXmlWriter.NO_DEPENDENCY, true);
    w.attribute("UserID", true);
    w.substitution(USER_ID, SubstitutionValues.SID);
    w.closeEmpty(security, true);

    w.endElement(system);
    w.substitution(EVENT_DATA, SubstitutionValues.BINXML);
    w.endElement(event);
  }

  /** The nested fragment: {@code <EventData><Data>%1</Data>…<Binary>…</Binary></EventData>}. */
  private static void eventData(BinXmlWriter xml, ChunkTemplates templates, TestEvent e) {
    int strings = e.strings().size();
    xml.fragmentHeader();
    templates.instance(
        xml,
        "EventData|" + strings,
        w -> {
          int data = w.openElement("EventData", BinXmlWriter.NO_DEPENDENCY, false);
          w.closeStart(data, false);
          for (int i = 0; i < strings; i++) {
            w.substitutedElement("Data", i, SubstitutionValues.STRING);
          }
          w.substitutedElement("Binary", strings, SubstitutionValues.BINARY);
          w.endElement(data);
        });
    SubstitutionValues v = new SubstitutionValues(xml.out(), strings + 1);
    for (String s : e.strings()) {
      v.string(s);
    }
    if (e.binary() == null) {
      v.nul();
    } else {
      v.binary(e.binary());
    }
    v.finish();
    xml.endOfFragment();
  }
}
