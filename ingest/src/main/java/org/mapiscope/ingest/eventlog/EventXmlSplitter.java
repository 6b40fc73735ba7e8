package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a stream of event XML into one {@code <Event>…</Event>} element at a time, whatever wraps
 * them: nothing ({@code wevtutil qe /f:xml} writes bare elements, one per line), an {@code
 * <Events>} root with an XML declaration (Event Viewer "Save as XML"), comments. Each element is
 * then parsed on its own, so a broken or truncated event costs that event only and the rest of the
 * file is still read; memory is bounded by the largest event.
 *
 * <p>Exports are gigabytes of events of which few matter, so the text is scanned in bulk over one
 * char buffer: {@link #advance()} leaves the element in the buffer ({@link #chars()}, {@link
 * #start()}, {@link #end()}) for the caller to look at without a copy; {@link #next()} wraps the
 * same as {@link Piece}s.
 *
 * <p>A {@code <!DOCTYPE} outside the events ends the file: DTDs and entities are never read
 * (docs/safety.md) . Not thread-safe: one instance per input.
 */
final class EventXmlSplitter {

  /** The longest event kept; an EVTX record is at most 64 KiB, so its XML is far below this. */
  static final int MAX_EVENT_CHARS = 4 << 20;

  /** What the splitter found next. */
  sealed interface Piece permits Element, Broken, Refused {
    /** 1-based line of the {@code <} that starts the piece. */
    long line();
  }

  /** One complete event element. */
  record Element(long line, String xml) implements Piece {}

  /** An event element that cannot be parsed as a whole; reading goes on after it. */
  record Broken(long line, String reason) implements Piece {}

  /** Something that makes the rest of the file unsafe to read. */
  record Refused(long line, String reason) implements Piece {}

  /** What {@link #advance()} found. */
  enum Found {
    ELEMENT,
    BROKEN,
    REFUSED,
    END
  }

  private static final String CUT_OFF =
      "the event element is cut off: the next event starts before it is closed";
  private static final String UNCLOSED =
      "the event element is not closed before the end of the file (truncated export?)";
  private static final String OVERSIZED =
      "the event element is longer than " + MAX_EVENT_CHARS + " characters; skipped";
  private static final String DOCTYPE_REFUSED =
      "the XML declares a DOCTYPE; document type definitions and entities are"
          + " never read (a safety rule), so the file is not read past this point";

  /** The longest name looked at after a {@code <}: {@code <!DOCTYPE}. */
  private static final int LOOKAHEAD = 9;

  private final Reader in;
  private char[] buffer = new char[1 << 18];
  private int position;
  private int limit;
  private boolean eof;
  private boolean refused;

  /**
   * Line breaks are counted in bulk, only when a line is asked for or text is dropped: up to this
   * index…
   */
  private int linesCountedTo;

  /** …where this 1-based line is. */
  private long lineAtCounted = 1;

  /**
   * Start of the element being read, or -1 outside elements and while skipping an oversized one.
   */
  private int elementStart = -1;

  private boolean inside;
  private boolean skippingOversized;
  private boolean startTagOpen;

  /** The line of the oversized element being skipped (its text is gone). */
  private long oversizedLine;

  private int foundStart;
  private int foundEnd;
  private long foundLine;
  private String foundReason;

  EventXmlSplitter(Reader in) {
    this.in = in;
  }

  /**
   * The next piece, or {@code null} at the end of the input.
   *
   * @throws IOException when the input cannot be read
   */
  Piece next() throws IOException {
    return switch (advance()) {
      case ELEMENT -> new Element(line(), new String(buffer, foundStart, foundEnd - foundStart));
      case BROKEN -> new Broken(foundLine, foundReason);
      case REFUSED -> new Refused(foundLine, foundReason);
      case END -> null;
    };
  }

  /** The buffer holding the element {@link #advance()} found, valid until the next call. */
  char[] chars() {
    return buffer;
  }

  /** Index of the element's {@code <} in {@link #chars()}. */
  int start() {
    return foundStart;
  }

  /** Index just after the element's last {@code >} in {@link #chars()}. */
  int end() {
    return foundEnd;
  }

  /** 1-based line where the piece found last starts. */
  long line() {
    if (foundLine < 0) {
      foundLine = lineAt(foundStart); // asked for only by the few events that are read
    }
    return foundLine;
  }

  /** Why the piece found last is broken or refused. */
  String reason() {
    return foundReason;
  }

  /**
   * Moves to the next piece: an element (left in the buffer), a broken element, a refusal, or the
   * end.
   *
   * @throws IOException when the input cannot be read
   */
  Found advance() throws IOException {
    if (refused) {
      return Found.END;
    }
    while (true) {
      char[] b = buffer;
      int end = limit;
      int i = position;
      // Only '<' (and '>' closing an event's start tag) matter; line breaks are counted later in
      // bulk.
      while (true) {
        if (!startTagOpen) {
          while (i < end && b[i] != '<') {
            i++;
          }
        }
        if (i >= end) {
          break;
        }
        char c = b[i];
        if (c == '<') {
          if (i + LOOKAHEAD > end && !eof) {
            break; // fill the buffer, then look at this '<' again
          }
          Found found = atOpen(i);
          if (found != null) {
            return found;
          }
        } else if (c == '>' && startTagOpen) {
          startTagOpen = false;
          if (!skippingOversized && b[i - 1] == '/') { // <Event … />
            return element(i + 1);
          }
        }
        i++;
      }
      position = i;
      if (inside && !skippingOversized && position - elementStart > MAX_EVENT_CHARS) {
        skippingOversized = true;
        oversizedLine = lineAt(elementStart);
        elementStart = -1;
        return piece(Found.BROKEN, oversizedLine, OVERSIZED);
      }
      if (eof && position >= limit) {
        if (inside) {
          long at = skippingOversized ? oversizedLine : lineAt(elementStart);
          inside = false;
          skippingOversized = false;
          elementStart = -1;
          return piece(Found.BROKEN, at, UNCLOSED);
        }
        return Found.END;
      }
      fill();
    }
  }

  /**
   * Looks at the name after the {@code <} at {@code i}; a piece when one is complete, else {@code
   * null}.
   */
  private Found atOpen(int i) {
    char next = buffer[i + 1 < limit ? i + 1 : i];
    if (next != 'E' && next != '/' && next != '!') {
      return null; // most tags inside an event: <System>, <Data>, …
    }
    if (isName(i, "<Event") && isNameEnd(i + 6)) {
      boolean cutOff = inside && !skippingOversized;
      long brokenLine = cutOff ? lineAt(elementStart) : 0;
      inside = true;
      skippingOversized = false;
      elementStart = i;
      startTagOpen = buffer[i + 6] != '>';
      position = i + 1; // the scan goes on from here: the name's end may be a line break
      // The next event starts before the current one was closed: the current one is cut off.
      return cutOff ? piece(Found.BROKEN, brokenLine, CUT_OFF) : null;
    }
    if (inside) {
      if (isName(i, "</Event>")) {
        if (skippingOversized) {
          inside = false;
          skippingOversized = false;
          return null;
        }
        return element(i + 8);
      }
      return null;
    }
    if (isName(i, "<!DOCTYPE") || isName(i, "<!ENTITY")) {
      refused = true;
      return piece(Found.REFUSED, lineAt(i), DOCTYPE_REFUSED);
    }
    return null;
  }

  private Found element(int end) {
    inside = false;
    startTagOpen = false;
    foundStart = elementStart;
    foundEnd = end;
    foundLine = -1;
    elementStart = -1;
    position = end;
    return Found.ELEMENT;
  }

  private Found piece(Found found, long at, String reason) {
    foundLine = at;
    foundReason = reason;
    return found;
  }

  /** The 1-based line of the character at {@code index} of the buffer. */
  private long lineAt(int index) {
    char[] b = buffer;
    int from = Math.min(index, linesCountedTo);
    int to = Math.max(index, linesCountedTo);
    int breaks = 0;
    for (int k = from; k < to; k++) {
      if (b[k] == '\n') {
        breaks++;
      }
    }
    if (index < linesCountedTo) {
      return lineAtCounted - breaks;
    }
    linesCountedTo = index;
    lineAtCounted += breaks;
    return lineAtCounted;
  }

  private boolean isName(int at, String name) {
    if (at + name.length() > limit) {
      return false;
    }
    for (int k = 1; k < name.length(); k++) {
      if (buffer[at + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean isNameEnd(int at) {
    if (at >= limit) {
      return false;
    }
    char ch = buffer[at];
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '>' || ch == '/';
  }

  /**
   * Reads more text, keeping the element being read (the buffer grows up to the largest event
   * kept).
   */
  private void fill() throws IOException {
    int keep = elementStart >= 0 ? elementStart : position;
    if (keep > 0) {
      lineAt(keep);
      linesCountedTo -= keep;
      System.arraycopy(buffer, keep, buffer, 0, limit - keep);
      limit -= keep;
      position -= keep;
      if (elementStart >= 0) {
        elementStart -= keep;
      }
    }
    if (limit == buffer.length) {
      // Just above the largest event kept, so an oversized one is noticed before the buffer is
      // full.
      char[] larger = new char[Math.min(buffer.length * 2, MAX_EVENT_CHARS + 2 * LOOKAHEAD)];
      System.arraycopy(buffer, 0, larger, 0, limit);
      buffer = larger;
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
