package org.mapiscope.evtx;

import java.time.Instant;
import java.util.List;

/**
 * One event record of an {@code .evtx} or {@code .evt} file: the System fields, and the
 * EventData/UserData values in document order. Immutable.
 *
 * @param recordId {@code System/EventRecordID}, or the record header's identifier when the event
 *     has none
 * @param written when the record was written (record header FILETIME; TimeWritten for .evt)
 * @param provider provider name ({@code Provider/@Name}; SourceName for .evt), or {@code null}
 * @param eventId low 16 bits of the event identifier (what Event Viewer shows)
 * @param qualifiers high 16 bits for classic providers ({@code EventID/@Qualifiers}), or {@code
 *     null}
 * @param level {@code System/Level} (EventType mapped for .evt: error 2, warning 3, information 4),
 *     or {@code null}
 * @param task {@code System/Task} (EventCategory for .evt), or {@code null}
 * @param keywords {@code System/Keywords}, or {@code null}
 * @param timeCreated {@code System/TimeCreated/@SystemTime} (TimeGenerated for .evt), full
 *     precision, UTC
 * @param channel {@code System/Channel} (the log name for .evt when known), or {@code null}
 * @param computer {@code System/Computer}, or {@code null}
 * @param userSid {@code System/Security/@UserID}, or {@code null}
 * @param data EventData/UserData values in order; unnamed classic {@code <Data>} keep a {@code
 *     null} name
 * @param fileOffset byte offset of the record in the file, for error messages
 */
public record EventRecord(
    long recordId,
    Instant written,
    String provider,
    int eventId,
    Integer qualifiers,
    Integer level,
    Integer task,
    Long keywords,
    Instant timeCreated,
    String channel,
    String computer,
    String userSid,
    List<DataItem> data,
    long fileOffset) {

  public EventRecord {
    data = List.copyOf(data);
  }
}
