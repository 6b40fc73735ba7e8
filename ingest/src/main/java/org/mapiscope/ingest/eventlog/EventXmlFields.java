package org.mapiscope.ingest.eventlog;

import java.util.List;

/**
 * What one {@code <Event>} element holds that matters here; {@code null} where it is absent.
 *
 * @param provider {@code System/Provider/@Name}
 * @param sourceName {@code System/Provider/@EventSourceName} (classic sources)
 * @param eventId {@code System/EventID} as written
 * @param systemTime {@code System/TimeCreated/@SystemTime} as written
 * @param recordId {@code System/EventRecordID} as written
 * @param computer {@code System/Computer}
 * @param data the {@code EventData/Data} strings in order (empty when there are none)
 * @param message {@code RenderingInfo/Message}
 */
record EventXmlFields(
    String provider,
    String sourceName,
    String eventId,
    String systemTime,
    String recordId,
    String computer,
    List<String> data,
    String message) {

  EventXmlFields {
    data = List.copyOf(data);
  }
}
