package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Writes Event 9646 as {@code wevtutil qe Application /q:"*[System[(EventID=9646)]]"
 * /f:RenderedXml} does: a bare sequence of {@code <Event>} elements, one per line, no root and no
 * declaration, with the three insertion strings (session identity, limit, object type) and the
 * rendered message (docs/event-formats.md, docs/domain.md). EventRecordIDs rise with gaps, as other
 * sources log to the Application channel in between. Optionally a second, earlier export repeats
 * the events of a window (same record ids and computer), as when an admin exported twice. Files
 * open with their first event.
 */
final class EventLogXml implements AutoCloseable {

  static final String PATH = "eventlog/Application-9646.xml";
  static final int QUALIFIERS = ExchangeDefaults.STORE_ERROR_QUALIFIERS;
  static final int EVENT_ID = ExchangeDefaults.LIMIT_EVENT_ID;

  /** Category "General" of MSExchangeIS. */
  static final int TASK_GENERAL = 6;

  /** Other Application events logged between two 9646, at most. */
  static final int MAX_RECORD_GAP = 40;

  private static final DateTimeFormatter SYSTEM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'0000Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter EXPORT_DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final EvidenceOutput out;
  private final String computer;
  private final SplittableRandom gaps;
  private final Instant overlapFrom;
  private final Instant overlapTo;
  private Writer writer;
  private Writer overlap;
  private long recordId;

  /**
   * @param overlapFrom with {@code overlapTo}, the window [from, to) a second export repeats, or
   *     {@code null}
   */
  EventLogXml(
      EvidenceOutput out,
      String computer,
      long firstRecordId,
      long seed,
      Instant overlapFrom,
      Instant overlapTo) {
    this.out = out;
    this.computer = computer;
    this.recordId = firstRecordId;
    this.gaps = new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL);
    this.overlapFrom = overlapFrom;
    this.overlapTo = overlapTo;
  }

  /** Where the second export goes: named by when it was taken, the end of its window. */
  static String overlapPath(Instant overlapTo) {
    return "eventlog/Application-9646-" + EXPORT_DAY.format(overlapTo) + ".xml";
  }

  void sessionLimitEvent(Instant at, String dn, int limit) throws IOException {
    limitEvent(at, dn, limit, ExchangeDefaults.SESSION_OBJECT_TYPE);
  }

  /**
   * One Event 9646 for any object type: {@code session}, or a per-session cap such as {@code
   * objtFolder}.
   */
  void limitEvent(Instant at, String dn, int limit, String type) throws IOException {
    if (writer == null) {
      writer = out.open(PATH, StandardCharsets.UTF_8);
    }
    long id = recordId;
    recordId += 1 + gaps.nextInt(MAX_RECORD_GAP + 1);
    String message =
        "Mapi session \""
            + dn
            + "\" exceeded the maximum of "
            + limit
            + " objects of type \""
            + type
            + "\".";
    String event =
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
            + "<Provider Name='"
            + ExchangeDefaults.STORE_EVENT_SOURCE
            + "'/><EventID Qualifiers='"
            + QUALIFIERS
            + "'>"
            + EVENT_ID
            + "</EventID>"
            + "<Level>2</Level><Task>"
            + TASK_GENERAL
            + "</Task><Keywords>0x80000000000000</Keywords>"
            + "<TimeCreated SystemTime='"
            + SYSTEM_TIME.format(at)
            + "'/><EventRecordID>"
            + id
            + "</EventRecordID><Channel>Application</Channel><Computer>"
            + xml(computer)
            + "</Computer><Security/>"
            + "</System><EventData><Data>"
            + xml(dn)
            + "</Data><Data>"
            + limit
            + "</Data><Data>"
            + xml(type)
            + "</Data></EventData><RenderingInfo Culture='en-US'><Message>"
            + xml(message)
            + "</Message><Level>Error</Level><Task>General</Task><Opcode></Opcode><Channel></Channel><Provider></Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>\r\n";
    writer.write(event);
    if (overlapFrom != null && !at.isBefore(overlapFrom) && at.isBefore(overlapTo)) {
      if (overlap == null) {
        overlap = out.open(overlapPath(overlapTo), StandardCharsets.UTF_8);
      }
      overlap.write(event);
    }
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;");
  }

  @Override
  public void close() throws IOException {
    try {
      if (writer != null) {
        writer.close();
        writer = null;
      }
    } finally {
      if (overlap != null) {
        overlap.close();
        overlap = null;
      }
    }
  }
}
