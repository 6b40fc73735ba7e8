package org.mapiscope.ingest.eventlog;

import java.util.List;
import java.util.Optional;

/**
 * The column layout of an exported event table, recognised from its first rows (never from the
 * words of a localized header): Event Viewer Vista+ (five names, six values a row), Server 2003
 * Event Viewer (no header, nine columns), PowerShell {@code Export-Csv} (named columns).
 */
sealed interface TableLayout permits ViewerLayout, Server2003Layout, PowerShellLayout {

  /** A row read into fields, or why it cannot be. */
  sealed interface Parsed permits TableRow, BadRow {}

  /** A row that does not have what its layout promises. */
  record BadRow(String reason) implements Parsed {}

  /** How the layout of a table was recognised. */
  record Recognised(TableLayout layout, int headerRecords) {}

  /** Reads one data row: its values, and the line it starts on. */
  Parsed parse(List<String> fields, long line, char separator);

  /**
   * How many leading values tell whether a row may be a 9646 and when it was logged: rows whose
   * event id and source say otherwise are only counted, and their later values (the long
   * description) are never turned into strings.
   */
  int decidingColumns();

  /** The column of the event id. */
  int idColumn();

  /** The column of the source. */
  int sourceColumn();

  /** The column whose text up to the first space is the date (the day a row was logged). */
  int dateColumn();

  /**
   * The local date and time as written, from at least the {@link #decidingColumns()} leading
   * values.
   */
  String time(List<String> fields);

  /**
   * A short name for messages: {@code Event Viewer}, {@code Server 2003 Event Viewer}, {@code
   * Get-WinEvent | Export-Csv}.
   */
  String description();

  /**
   * The layout of a table from its first records (a PowerShell {@code #TYPE} line included), and
   * how many of them are header lines; empty when it is no event table.
   */
  static Optional<Recognised> recognise(List<List<String>> head) {
    int skipped = 0;
    if (!head.isEmpty() && head.get(0).get(0).startsWith("#TYPE")) {
      skipped = 1;
    }
    if (head.size() <= skipped) {
      return Optional.empty();
    }
    List<String> first = head.get(skipped);
    List<String> second = head.size() > skipped + 1 ? head.get(skipped + 1) : null;
    Optional<PowerShellLayout> powerShell = PowerShellLayout.fromHeader(first);
    if (powerShell.isPresent()) {
      return Optional.of(new Recognised(powerShell.get(), skipped + 1));
    }
    if (skipped == 0 && ViewerLayout.isHeader(first, second)) {
      return Optional.of(new Recognised(new ViewerLayout(), 1));
    }
    if (skipped == 0 && Server2003Layout.isRow(first)) {
      return Optional.of(new Recognised(new Server2003Layout(), 0));
    }
    return Optional.empty();
  }

  /**
   * The fields from {@code from} on, joined again: an unquoted description that held the separator.
   */
  static String rest(List<String> fields, int from, char separator) {
    if (fields.size() <= from) {
      return "";
    }
    return String.join(String.valueOf(separator), fields.subList(from, fields.size()));
  }

  static boolean isInteger(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= 10 && t.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
