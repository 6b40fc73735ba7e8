package org.mapiscope.ingest.eventlog;

/**
 * Reads an event's record number ({@code EventRecordID}, Get-WinEvent's {@code RecordId},
 * Get-EventLog's {@code Index}) as an export writes it. Anything but a plain non-negative number —
 * empty, {@code 12a}, a type name, out of range — means the export does not carry it: the event is
 * still read, without a record number.
 */
final class RecordIds {

  private RecordIds() {}

  /** The record number, or {@code null} when the text is not one. */
  static Long parse(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.strip();
    if (digits.isEmpty()
        || digits.length() > 19
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return null; // more than Long.MAX_VALUE
    }
  }
}
