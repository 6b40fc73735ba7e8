package org.mapiscope.ingest.eventlog;

/**
 * Reads {@code System/EventID} from the raw text of one event element, before any XML parser is
 * made: an Application log export holds thousands of other events for each 9646, and telling them
 * apart from the text costs a fraction of parsing them.
 *
 * <p>Only the plain shape Windows writes is read: the first {@code <EventID …>digits</EventID>}
 * before {@code </System>}, with no comment or CDATA before it. Anything else (no EventID, a
 * prefixed name, an entity in the number) is left to the parser, which reads it or says why not.
 */
final class RawEventId {

  private RawEventId() {}

  /**
   * Whether the element's EventID is plainly written and is not 9646 (low 16 bits): such an event
   * only needs counting. {@code false} means it may be a 9646 and must be parsed.
   */
  static boolean isOtherEvent(char[] text, int start, int end) {
    int i = start + 1;
    while (true) {
      i = indexOf(text, '<', i, end);
      if (i < 0 || i + 9 > end) {
        return false;
      }
      char next = text[i + 1];
      if (next == '!' || next == '/' && startsWith(text, i, end, "</System>")) {
        return false;
      }
      if (next == 'E' && startsWith(text, i, end, "<EventID") && isTagNameEnd(text[i + 8])) {
        return isOtherId(text, i + 8, end);
      }
      i++;
    }
  }

  /** The id after {@code <EventID}: attributes (Qualifiers), then digits between tags. */
  private static boolean isOtherId(char[] text, int from, int end) {
    int close = indexOf(text, '>', from, end);
    if (close < 0 || text[close - 1] == '/') {
      return false;
    }
    int i = close + 1;
    while (i < end && isSpace(text[i])) {
      i++;
    }
    long id = 0;
    int digits = 0;
    while (i < end && text[i] >= '0' && text[i] <= '9' && digits < 18) {
      id = id * 10 + (text[i++] - '0');
      digits++;
    }
    while (i < end && isSpace(text[i])) {
      i++;
    }
    if (digits == 0 || i >= end || text[i] != '<') {
      return false;
    }
    return (id & 0xFFFF) != LimitEventParser.EVENT_ID;
  }

  private static int indexOf(char[] text, char c, int from, int end) {
    for (int i = from; i < end; i++) {
      if (text[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(char[] text, int at, int end, String name) {
    if (at + name.length() > end) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      if (text[at + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTagNameEnd(char c) {
    return c == '>' || c == '/' || isSpace(c);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
