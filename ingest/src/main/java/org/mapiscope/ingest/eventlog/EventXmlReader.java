package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.eventlog.EventXmlSplitter.Found;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;

/**
 * Event XML as Windows exports it (format {@code event-xml}): {@code wevtutil qe … /f:xml} and
 * {@code /f:RenderedXml} (bare {@code <Event>} elements, no root, no declaration), Event Viewer
 * "Save as XML" ({@code <Events>} root, UTF-16LE with BOM), {@code Get-WinEvent … ToXml()}. The
 * rendered {@code RenderingInfo/Message} is read when present, else the {@code EventData} strings.
 * Every event counts; 9646 events of the information store become {@link LimitEvent}, referenced by
 * the line their {@code <Event>} starts on and carrying their {@code EventRecordID}.
 *
 * <p>Stateless and thread-safe; see docs/event-formats.md.
 */
public final class EventXmlReader implements FormatReader {

  /** The namespace every Windows event element carries. */
  static final String EVENT_NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

  @Override
  public String format() {
    return "event-xml";
  }

  @Override
  public boolean detect(Sniff sniff) {
    String text = sniff.text();
    int root = firstElement(text);
    if (root < 0) {
      return false;
    }
    if (startsWithName(text, root, "<Events")) {
      return true;
    }
    return startsWithName(text, root, "<Event") && text.contains(EVENT_NAMESPACE);
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    String file = input.displayPath();
    EventXmlParser parser = new EventXmlParser(SafeXml.inputFactory());
    try (Reader reader = EventText.reader(input.open())) {
      EventXmlSplitter splitter = new EventXmlSplitter(reader);
      Found found;
      while ((found = splitter.advance()) != Found.END) {
        if (found == Found.ELEMENT
            && RawEventId.isOtherEvent(splitter.chars(), splitter.start(), splitter.end())) {
          context.count(); // most of an Application log: counted without parsing
          continue;
        }
        EvidenceRef ref = EvidenceRef.line(file, splitter.line());
        if (found == Found.ELEMENT) {
          readEvent(parser, splitter, ref, input.serverHint(), context);
        } else {
          context.skip(ref, splitter.reason());
        }
      }
    }
  }

  private static void readEvent(
      EventXmlParser parser,
      EventXmlSplitter splitter,
      EvidenceRef ref,
      String serverHint,
      ReadContext context) {
    EventXmlFields event;
    try {
      event = parser.parse(splitter.chars(), splitter.start(), splitter.end() - splitter.start());
    } catch (XMLStreamException e) {
      context.skip(ref, "the event is not well-formed XML: " + firstLine(e.getMessage()));
      return;
    }
    String record = event.recordId() == null ? "" : " (record " + event.recordId().strip() + ")";
    Long eventId = parseEventId(event.eventId());
    if (eventId == null) {
      context.skip(ref, "the event has no numeric EventID" + record);
      return;
    }
    boolean store =
        LimitEventParser.isStoreSource(event.provider())
            || LimitEventParser.isStoreSource(event.sourceName());
    if ((eventId & 0xFFFF) != LimitEventParser.EVENT_ID || !store) {
      context.count();
      return;
    }
    Instant time = parseSystemTime(event.systemTime());
    if (time == null) {
      context.skip(
          ref,
          "Event 9646"
              + record
              + ": TimeCreated SystemTime \""
              + event.systemTime()
              + "\" is not a timestamp");
      return;
    }
    String server =
        event.computer() == null || event.computer().isBlank() ? serverHint : event.computer();
    Optional<LimitEvent> limit = LimitEventParser.fromMessage(time, server, event.message(), ref);
    if (limit.isEmpty()) {
      limit = LimitEventParser.fromInsertionStrings(time, server, event.data(), ref);
    }
    Long recordId = RecordIds.parse(event.recordId());
    limit
        .map(e -> e.withRecordId(recordId))
        .ifPresentOrElse(
            context::emit,
            () ->
                context.skip(
                    ref,
                    "Event 9646"
                        + record
                        + ": neither the message nor the EventData strings name a session, a limit"
                        + " and an object type"));
  }

  private static Long parseEventId(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** SystemTime is UTC with up to 7 (or 9) fractional digits; a missing zone means UTC too. */
  static Instant parseSystemTime(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException again) {
        return null;
      }
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    int message = flat.indexOf("Message: ");
    return message >= 0 ? flat.substring(message + 9) : flat;
  }

  /**
   * Index of the first element's {@code <}, after declaration, comments, DOCTYPE and whitespace; -1
   * if none.
   */
  private static int firstElement(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        i++;
      } else if (text.startsWith("<?", i)) {
        i = after(text, "?>", i);
      } else if (text.startsWith("<!--", i)) {
        i = after(text, "-->", i);
      } else if (text.startsWith("<!", i)) {
        int bracket = text.indexOf('[', i);
        int close = text.indexOf('>', i);
        i = bracket >= 0 && bracket < close ? after(text, "]>", i) : after(text, ">", i);
      } else {
        return c == '<' ? i : -1;
      }
      if (i < 0) {
        return -1;
      }
    }
    return -1;
  }

  private static int after(String text, String end, int from) {
    int at = text.indexOf(end, from);
    return at < 0 ? -1 : at + end.length();
  }

  private static boolean startsWithName(String text, int at, String name) {
    int end = at + name.length();
    if (!text.startsWith(name, at) || end >= text.length()) {
      return false;
    }
    char next = text.charAt(end);
    return next == '>' || next == '/' || Character.isWhitespace(next);
  }
}
