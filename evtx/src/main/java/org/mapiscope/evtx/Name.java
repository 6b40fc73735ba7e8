package org.mapiscope.evtx;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An element or attribute name of a template plan with what the record writers decide from it
 * worked out once per plan: the section it opens, the System field or attribute it is, and its
 * JSON item head ({@code {"name":"…","value":}) already encoded. Immutable, shared by all threads.
 */
final class Name {

  /** The section an element opens as a child of the root element. */
  enum Section {
    OTHER,
    SYSTEM,
    EVENT_DATA,
    USER_DATA
  }

  /** The System field an element names. */
  enum SystemField {
    OTHER,
    EVENT_ID,
    LEVEL,
    TASK,
    EVENT_RECORD_ID,
    CHANNEL,
    COMPUTER
  }

  /** The attributes the record writers read. */
  enum Attribute {
    OTHER,
    NAME,
    QUALIFIERS,
    SYSTEM_TIME
  }

  /**
   * Names seen so far, shared by the decoding threads; a file rarely has more than a few hundred.
   */
  private static final ConcurrentHashMap<String, Name> SEEN = new ConcurrentHashMap<>();

  /** Beyond this many names (a crafted file) new ones are made each time instead of kept. */
  private static final int MAX_SEEN = 1 << 14;

  final String text;

  /** The section this name opens as a child of the root element. */
  final Section section;

  /** The System field this element names, or {@link SystemField#OTHER}. */
  final SystemField systemField;

  /** The attribute the writers read, or {@link Attribute#OTHER}. */
  final Attribute attribute;

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

  static Section section(String name) {
    return switch (name) {
      case "System" -> Section.SYSTEM;
      case "EventData" -> Section.EVENT_DATA;
      case "UserData" -> Section.USER_DATA;
      default -> Section.OTHER;
    };
  }

  static SystemField systemField(String name) {
    return switch (name) {
      case "EventID" -> SystemField.EVENT_ID;
      case "Level" -> SystemField.LEVEL;
      case "Task" -> SystemField.TASK;
      case "EventRecordID" -> SystemField.EVENT_RECORD_ID;
      case "Channel" -> SystemField.CHANNEL;
      case "Computer" -> SystemField.COMPUTER;
      default -> SystemField.OTHER;
    };
  }

  static Attribute attribute(String name) {
    return switch (name) {
      case "Name" -> Attribute.NAME;
      case "Qualifiers" -> Attribute.QUALIFIERS;
      case "SystemTime" -> Attribute.SYSTEM_TIME;
      default -> Attribute.OTHER;
    };
  }
}
