package org.mapiscope.evtx;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An element or attribute name of a template plan with what the record writers decide from it
 * worked out once per plan: the section it opens, the System field or attribute it is, and its
 * JSON item head ({@code {"name":"…","value":}) already encoded. Immutable, shared by all threads.
 */
final class Name {

  static final int OTHER = 0;
  static final int SYSTEM = 1;
  static final int EVENT_DATA = 2;
  static final int USER_DATA = 3;

  static final int EVENT_ID = 1;
  static final int LEVEL = 2;
  static final int TASK = 3;
  static final int EVENT_RECORD_ID = 4;
  static final int CHANNEL = 5;
  static final int COMPUTER = 6;

  static final int ATTR_NAME = 1;
  static final int ATTR_QUALIFIERS = 2;
  static final int ATTR_SYSTEM_TIME = 3;

  /**
   * Names seen so far, shared by the decoding threads; a file rarely has more than a few hundred.
   */
  private static final ConcurrentHashMap<String, Name> SEEN = new ConcurrentHashMap<>();

  /** Beyond this many names (a crafted file) new ones are made each time instead of kept. */
  private static final int MAX_SEEN = 1 << 14;

  final String text;

  /** The section this name opens as a child of the root element. */
  final int section;

  /** The System field this element names, or {@link #OTHER}. */
  final int systemField;

  /** The attribute the writers read, or {@link #OTHER}. */
  final int attribute;

  /** Whether this is the classic {@code Data} element. */
  final boolean data;

  /** {@code {"name":"text","value":} as UTF-8. */
  final byte[] itemHead;

  private Name(String text) {
    this.text = text;
    this.section = section(text);
    this.systemField = systemField(text);
    this.attribute = attribute(text);
    this.data = text.equals("Data");
    ByteSink head = new ByteSink(20 + text.length());
    head.ascii("{\"name\":\"").jsonChars(text).ascii("\",\"value\":");
    this.itemHead = head.toByteArray();
  }

  /** The name for {@code text}, shared with every plan that uses it. */
  static Name of(String text) {
    Name n = SEEN.get(text);
    if (n == null) {
      n = new Name(text);
      if (SEEN.size() < MAX_SEEN) {
        SEEN.putIfAbsent(text, n);
      }
    }
    return n;
  }

  static int section(String name) {
    return switch (name) {
      case "System" -> SYSTEM;
      case "EventData" -> EVENT_DATA;
      case "UserData" -> USER_DATA;
      default -> OTHER;
    };
  }

  static int systemField(String name) {
    return switch (name) {
      case "EventID" -> EVENT_ID;
      case "Level" -> LEVEL;
      case "Task" -> TASK;
      case "EventRecordID" -> EVENT_RECORD_ID;
      case "Channel" -> CHANNEL;
      case "Computer" -> COMPUTER;
      default -> OTHER;
    };
  }

  static int attribute(String name) {
    return switch (name) {
      case "Name" -> ATTR_NAME;
      case "Qualifiers" -> ATTR_QUALIFIERS;
      case "SystemTime" -> ATTR_SYSTEM_TIME;
      default -> OTHER;
    };
  }
}
