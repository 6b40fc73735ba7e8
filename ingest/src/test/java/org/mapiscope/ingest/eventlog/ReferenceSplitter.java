package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import java.io.Reader;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Broken;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Element;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Piece;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Refused;

/**
 * The splitter's rules read one character at a time, as plainly as they can be written: the model
 * the bulk {@link EventXmlSplitter} is checked against.
 */
final class ReferenceSplitter {

  static final int MAX_EVENT_CHARS = EventXmlSplitter.MAX_EVENT_CHARS;

  private static final String START = "<Event";
  private static final String END = "</Event>";
  private static final String DOCTYPE = "<!DOCTYPE";
  private static final String ENTITY = "<!ENTITY";

  private final Reader in;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private long line = 1;
  private long lastOpenLine = 1;
  private boolean refused;

  /** Text since the current element started, or the last few characters outside elements. */
  private final StringBuilder text = new StringBuilder();

  private boolean inside;
  private boolean skippingOversized;
  private boolean startTagOpen;
  private long elementLine;

  ReferenceSplitter(Reader in) {
    this.in = in;
  }

  /**
   * The next piece, or {@code null} at the end of the input.
   *
   * @throws IOException when the input cannot be read
   */
  Piece next() throws IOException {
    if (refused) {
      return null;
    }
    int c;
    while ((c = read()) >= 0) {
      char ch = (char) c;
      if (ch == '<') {
        lastOpenLine = line;
      }
      if (ch == '\n') {
        line++;
      }
      Piece piece = inside ? insideElement(ch) : outsideElement(ch);
      if (piece != null) {
        return piece;
      }
    }
    if (inside) {
      inside = false;
      text.setLength(0);
      return new Broken(
          elementLine,
          "the event element is not closed before the end of the file (truncated export?)");
    }
    return null;
  }

  private Piece outsideElement(char ch) {
    if (isNameEnd(ch) && endsWith(text, START, 0)) {
      startElement(ch);
      return null;
    }
    text.append(ch);
    keepTail();
    if (endsWith(text, DOCTYPE, 0) || endsWith(text, ENTITY, 0)) {
      refused = true;
      return new Refused(
          lastOpenLine,
          "the XML declares a DOCTYPE; document type definitions and entities are never"
              + " read (a safety rule), so the file is not read past this point");
    }
    return null;
  }

  private Piece insideElement(char ch) {
    if (isNameEnd(ch)
        && endsWith(text, START, 0)
        && (skippingOversized || text.length() > START.length())) {
      // A new event starts before the current one was closed: the current one is cut off.
      long brokenLine = elementLine;
      boolean alreadyReported = skippingOversized;
      startElement(ch);
      return alreadyReported
          ? null
          : new Broken(
              brokenLine,
              "the event element is cut off: the next event starts before it is closed");
    }
    text.append(ch);
    boolean closesStartTag = ch == '>' && startTagOpen;
    if (closesStartTag) {
      startTagOpen = false;
    }
    if (skippingOversized) {
      if (ch == '>' && endsWith(text, END, 0)) {
        inside = false;
        skippingOversized = false;
        text.setLength(0);
      } else {
        keepTail();
      }
      return null;
    }
    if (ch == '>' && (endsWith(text, END, 0) || closesStartTag && endsWith(text, "/>", 0))) {
      inside = false;
      String xml = text.toString();
      text.setLength(0);
      return new Element(elementLine, xml);
    }
    if (text.length() > MAX_EVENT_CHARS) {
      skippingOversized = true;
      keepTail();
      return new Broken(
          elementLine,
          "the event element is longer than " + MAX_EVENT_CHARS + " characters; skipped");
    }
    return null;
  }

  private void startElement(char nameEnd) {
    inside = true;
    skippingOversized = false;
    startTagOpen = nameEnd != '>';
    elementLine = lastOpenLine;
    text.setLength(0);
    text.append(START).append(nameEnd);
  }

  /** Outside elements, and while skipping an oversized one, only the last characters matter. */
  private void keepTail() {
    if (text.length() > 32) {
      text.delete(0, text.length() - 16);
    }
  }

  private static boolean isNameEnd(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '>' || ch == '/';
  }

  /** Whether {@code text} ends with {@code suffix} followed by {@code extra} more characters. */
  private static boolean endsWith(StringBuilder text, String suffix, int extra) {
    int start = text.length() - extra - suffix.length();
    if (start < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (text.charAt(start + i) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }
}
