package org.mapiscope.evtx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes one record as a JSON line straight from the chunk bytes: the bytes {@link EvtxJson} writes
 * for the {@link EventRecord} that {@link RecordCollector} would build, without building it. It
 * follows RecordCollector's rules step for step, so change both together ({@code JsonLinesTest}
 * compares the two on every sample). Reused record after record by one thread.
 */
final class JsonRecordWriter implements RawVisitor {

  /** The fixed parts of a line, encoded once. */
  private static final byte[] RECORD_ID = ascii("{\"recordId\":");

  private static final byte[] TIME_CREATED = ascii(",\"timeCreated\":");
  private static final byte[] EVENT_ID = ascii(",\"eventId\":");
  private static final byte[] QUALIFIERS = ascii(",\"qualifiers\":");
  private static final byte[] PROVIDER = ascii(",\"provider\":");
  private static final byte[] CHANNEL = ascii(",\"channel\":");
  private static final byte[] COMPUTER = ascii(",\"computer\":");
  private static final byte[] LEVEL = ascii(",\"level\":");
  private static final byte[] TASK = ascii(",\"task\":");
  private static final byte[] DATA = ascii(",\"data\":[");

  private final Integer eventIdFilter;
  private final String providerFilter;
  private byte[] b;

  private int depth;
  private final Leaves leaves = new Leaves();
  private Name.Section section = Name.Section.OTHER;

  /** Value of the innermost open element: first value, turned into text if more follow. */
  private final Slot value = new Slot();

  private final StringBuilder joined = new StringBuilder();
  private boolean joining;
  private final Slot dataName = new Slot();
  private final Slot ended = new Slot();

  private long recordId;
  private Long eventId;
  private Integer qualifiers;
  private Integer level;
  private Integer task;
  private boolean timeIsFileTime;
  private long timeFileTime;
  private Instant time;
  private final Slot provider = new Slot();
  private final Slot channel = new Slot();
  private final Slot computer = new Slot();
  private final ByteSink data = new ByteSink(4096);
  private int items;

  JsonRecordWriter(Integer eventIdFilter, String providerFilter) {
    this.eventIdFilter = eventIdFilter;
    this.providerFilter = providerFilter;
  }

  void begin(long recordId) {
    this.recordId = recordId;
    depth = 0;
    section = Name.Section.OTHER;
    eventId = null;
    qualifiers = level = task = null;
    timeIsFileTime = false;
    time = null;
    provider.clear();
    channel.clear();
    computer.clear();
    data.reset();
    items = 0;
    dataName.clear();
    clearValue();
  }

  /** Appends the record's JSON line to {@code out} when it passes the filters. */
  void finish(ByteSink out) {
    long id = eventId == null ? 0 : eventId;
    Integer q = qualifiers;
    if (q == null && id > 0xFFFF) {
      q = (int) (id >>> 16) & 0xFFFF;
    }
    int lowId = (int) (id & 0xFFFF);
    if (eventIdFilter != null && lowId != eventIdFilter
        || providerFilter != null && !providerFilter.equalsIgnoreCase(provider.asText(b))) {
      return;
    }
    out.bytes(RECORD_ID).number(recordId);
    out.bytes(TIME_CREATED);
    if (timeIsFileTime) {
      out.ascii('"');
      FileTimes.writeIso7(out, timeFileTime);
      out.ascii('"');
    } else {
      EvtxJson.time(time, out);
    }
    out.bytes(EVENT_ID).number(lowId);
    out.bytes(QUALIFIERS);
    EvtxJson.integer(q, out);
    out.bytes(PROVIDER);
    provider.writeText(b, out);
    out.bytes(CHANNEL);
    channel.writeText(b, out);
    out.bytes(COMPUTER);
    computer.writeText(b, out);
    out.bytes(LEVEL);
    EvtxJson.integer(level, out);
    out.bytes(TASK);
    EvtxJson.integer(task, out);
    out.bytes(DATA).append(data).ascii("]}\n");
  }

  @Override
  public void chunk(byte[] bytes, int length) {
    this.b = bytes;
  }

  @Override
  public void startElement(String name) {
    start(depth == 1 ? Name.section(name) : Name.Section.OTHER);
  }

  @Override
  public void startElement(Name name) {
    start(name.section);
  }

  /** {@code section}: the section the element opens if it is a child of the root. */
  private void start(Name.Section sectionOpened) {
    depth = leaves.open(depth);
    if (depth == 2) {
      section = sectionOpened;
    }
    dataName.clear();
    clearValue();
  }

  @Override
  public void attribute(String name, int type, int at, int size) {
    ended.ref(type, at, size);
    attribute(Name.attribute(name), ended);
  }

  @Override
  public void attribute(String name, String text) {
    ended.text(text);
    attribute(Name.attribute(name), ended);
  }

  @Override
  public void attribute(Name name, int type, int at, int size) {
    ended.ref(type, at, size);
    attribute(name.attribute, ended);
  }

  @Override
  public void attribute(Name name, String text) {
    ended.text(text);
    attribute(name.attribute, ended);
  }

  private void attribute(Name.Attribute attribute, Slot v) {
    if (section == Name.Section.SYSTEM && depth == 3) {
      switch (attribute) {
        case NAME -> {
          if (provider.isEmpty()) {
            provider.copy(v);
          }
        }
        case QUALIFIERS -> qualifiers = toInt(v.toLong(b));
        case SYSTEM_TIME -> systemTime(v);
        default -> {}
      }
    } else if (section == Name.Section.EVENT_DATA
        && depth == 3
        && attribute == Name.Attribute.NAME) {
      dataName.copy(v);
    }
  }

  private void systemTime(Slot v) {
    if (v.isRef() && v.type == ValueType.FILETIME) {
      timeIsFileTime = true;
      timeFileTime = LittleEndian.i64(b, v.at, v.at + v.size);
      return;
    }
    Object decoded = v.decode(b);
    timeIsFileTime = false;
    time = decoded instanceof Instant t ? t : FileTimes.parseIso(ValueText.of(v.type, decoded));
  }

  @Override
  public void text(int type, int at, int size) {
    if (value.isEmpty() && !joining) {
      value.ref(type, at, size);
    } else {
      appendText(ValueText.of(type, Values.decode(b, at, size, type, b.length)));
    }
  }

  @Override
  public void text(String literal) {
    if (value.isEmpty() && !joining) {
      value.text(literal);
    } else {
      appendText(literal);
    }
  }

  @Override
  public void charRef(int code) {
    appendText(ValueText.charRef(code));
  }

  @Override
  public void entityRef(String name) {
    appendText(ValueText.entity(name));
  }

  @Override
  public void cdata(String text) {
    appendText(text);
  }

  @Override
  public void processingInstruction(String target, String data) {
    // Not part of the record's values.
  }

  @Override
  public void endElement(String name) {
    end(name, null);
  }

  @Override
  public void endElement(Name name) {
    end(null, name);
  }

  /** The end of an element named by {@code text}, or by {@code name} when it comes from a plan. */
  private void end(String text, Name name) {
    Slot v = value;
    if (joining) {
      ended.text(joined.toString());
      v = ended;
    }
    if (section == Name.Section.SYSTEM && depth == 3) {
      if (!v.isEmpty()) {
        system(name != null ? name.systemField : Name.systemField(text), v);
      }
    } else if (section == Name.Section.EVENT_DATA && depth >= 3) {
      if (name != null ? name.data : text.equals("Data")) {
        item(null, null, v);
      } else if (v.hasContent(b)) {
        item(text, name, v);
      }
    } else if (section == Name.Section.USER_DATA && depth >= 3 && leaves.isLeaf(depth)) {
      item(text, name, v);
    }
    if (depth == 2) {
      section = Name.Section.OTHER;
    }
    depth--;
    dataName.clear();
    clearValue();
  }

  private void system(Name.SystemField field, Slot v) {
    switch (field) {
      case EVENT_ID -> eventId = v.toLong(b);
      case LEVEL -> level = toInt(v.toLong(b));
      case TASK -> task = toInt(v.toLong(b));
      case EVENT_RECORD_ID -> {
        Long id = v.toLong(b);
        if (id != null) {
          recordId = id;
        }
      }
      case CHANNEL -> channel.copy(v);
      case COMPUTER -> computer.copy(v);
      default -> {}
    }
  }

  /**
   * One data item: named by the element ({@code text}, or {@code name} from a plan with its head
   * already encoded), or by the Data element's Name attribute when both are null.
   */
  private void item(String text, Name name, Slot v) {
    if (items++ > 0) {
      data.ascii(',');
    }
    if (name != null) {
      data.bytes(name.itemHead);
    } else {
      data.ascii('{');
      if (text != null) {
        data.ascii("\"name\":").ascii('"').jsonChars(text).ascii('"').ascii(',');
      } else if (!dataName.isEmpty()) {
        data.ascii("\"name\":");
        dataName.writeText(b, data);
        data.ascii(',');
      }
      data.ascii("\"value\":");
    }
    if (v.isEmpty()) {
      data.ascii("null");
    } else {
      v.writeJson(b, data);
    }
    data.ascii('}');
  }

  private void appendText(String s) {
    if (!joining) {
      joining = true;
      joined.setLength(0);
      if (!value.isEmpty()) {
        ValueText.append(joined, value.type, value.decode(b));
      }
      value.clear();
    }
    joined.append(s);
  }

  private void clearValue() {
    value.clear();
    joining = false;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static Integer toInt(Long l) {
    return l == null ? null : (int) l.longValue();
  }
}
