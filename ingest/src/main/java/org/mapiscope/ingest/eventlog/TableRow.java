package org.mapiscope.ingest.eventlog;

import java.util.List;

/**
 * One event as a row of an exported table, before its date is read.
 *
 * @param line 1-based line the row starts on
 * @param time the local date and time as written
 * @param source event source / provider name
 * @param eventId event id as written (low 16 bits, or the full 32-bit instance id)
 * @param computer the computer that logged it, or {@code null} when the table has no such column
 * @param message the rendered description, or {@code null}
 * @param strings insertion strings when the table carries them readably, else empty
 * @param recordId the event's record number as written, or {@code null} when the table has no such
 *     column
 */
record TableRow(
    long line,
    String time,
    String source,
    String eventId,
    String computer,
    String message,
    List<String> strings,
    String recordId)
    implements TableLayout.Parsed {

  TableRow {
    strings = List.copyOf(strings);
  }
}
