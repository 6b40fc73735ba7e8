package org.mapiscope.evtx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link EventRecord} from a record's resolved XML: the System fields, and the EventData
 * values (each {@code <Data>} in order, unnamed ones with a null name) or the leaf elements under
 * UserData's first element. Reused record after record by one thread.
 */
final class RecordCollector implements BinXmlVisitor {

  private int depth;
  private final Leaves leaves = new Leaves();
  private Name.Section section = Name.Section.OTHER;

  /** Value of the innermost open element: first typed value, turned into text if more follow. */
  private Object value;

  private int valueType;
  private StringBuilder joined;
  private String dataName;

  private long recordId;
  private Instant written;
  private long fileOffset;
  private String provider;
  private Long eventId;
  private Integer qualifiers;
  private Integer level;
  private Integer task;
  private Long keywords;
  private Instant timeCreated;
  private String channel;
  private String computer;
  private String userSid;
  private List<DataItem> data;

  void begin(long recordId, Instant written, long fileOffset) {
    this.recordId = recordId;
    this.written = written;
    this.fileOffset = fileOffset;
    depth = 0;
    section = Name.Section.OTHER;
    provider = channel = computer = userSid = null;
    eventId = null;
    qualifiers = level = task = null;
    keywords = null;
    timeCreated = null;
    data = new ArrayList<>(8);
    clearValue();
  }

  EventRecord finish() {
    long id = eventId == null ? 0 : eventId;
    Integer q = qualifiers;
    if (q == null && id > 0xFFFF) {
      q = (int) (id >>> 16) & 0xFFFF;
    }
    return new EventRecord(
        recordId,
        written,
        provider,
        (int) (id & 0xFFFF),
        q,
        level,
        task,
        keywords,
        timeCreated,
        channel,
        computer,
        userSid,
        data,
        fileOffset);
  }

  @Override
  public void startElement(String name) {
    depth = leaves.open(depth);
    if (depth == 2) {
      section = Name.section(name);
    }
    dataName = null;
    clearValue();
  }

  @Override
  public void attribute(String name, int type, Object v) {
    if (section == Name.Section.SYSTEM && depth == 3) {
      switch (name) {
        case "Name" -> provider = provider == null ? asText(type, v) : provider;
        case "Qualifiers" -> qualifiers = toInt(v);
        case "SystemTime" ->
            timeCreated = v instanceof Instant t ? t : FileTimes.parseIso(asText(type, v));
        case "UserID" -> userSid = asText(type, v);
        default -> {}
      }
    } else if (section == Name.Section.EVENT_DATA && depth == 3 && name.equals("Name")) {
      dataName = asText(type, v);
    }
  }

  @Override
  public void text(int type, Object v) {
    if (value == null && joined == null) {
      value = v;
      valueType = type;
    } else {
      appendText(ValueText.of(type, v));
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
    Object v = joined != null ? joined.toString() : value;
    if (section == Name.Section.SYSTEM && depth == 3) {
      system(name, v);
    } else if (section == Name.Section.EVENT_DATA && depth >= 3) {
      if (name.equals("Data")) {
        data.add(new DataItem(dataName, v));
      } else if (v != null && !(v instanceof byte[] bytes && bytes.length == 0) && !"".equals(v)) {
        data.add(new DataItem(name, v));
      }
    } else if (section == Name.Section.USER_DATA && depth >= 3 && leaves.isLeaf(depth)) {
      data.add(new DataItem(name, v));
    }
    if (depth == 2) {
      section = Name.Section.OTHER;
    }
    depth--;
    dataName = null;
    clearValue();
  }

  private void system(String name, Object v) {
    if (v == null) {
      return;
    }
    switch (name) {
      case "EventID" -> eventId = toLong(v);
      case "Level" -> level = toInt(v);
      case "Task" -> task = toInt(v);
      case "Keywords" -> keywords = toLong(v);
      case "EventRecordID" -> {
        Long id = toLong(v);
        if (id != null) {
          recordId = id;
        }
      }
      case "Channel" -> channel = asText(valueType, v);
      case "Computer" -> computer = asText(valueType, v);
      default -> {}
    }
  }

  private void appendText(String s) {
    if (joined == null) {
      joined = new StringBuilder();
      if (value != null) {
        ValueText.append(joined, valueType, value);
      }
      value = null;
    }
    joined.append(s);
  }

  private void clearValue() {
    value = null;
    joined = null;
    valueType = ValueType.NULL;
  }

  private static String asText(int type, Object v) {
    return ValueText.of(type, v);
  }

  private static Integer toInt(Object v) {
    Long l = toLong(v);
    return l == null ? null : (int) l.longValue();
  }

  /**
   * Numbers arrive typed from templates, or as text in forwarded events ("4",
   * "0x8000000000000000").
   */
  static Long toLong(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger big) {
      return big.longValue();
    }
    if (v instanceof Boolean bool) {
      return bool ? 1L : 0L;
    }
    if (v instanceof String s) {
      String t = s.trim();
      try {
        if (t.startsWith("0x") || t.startsWith("0X")) {
          return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return t.isEmpty() ? null : Long.parseLong(t);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
