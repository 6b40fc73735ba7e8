package org.mapiscope.ingest.eventlog;

import java.util.List;

/**
 * Server 2003 Event Viewer "Save Log File As… CSV / Text" (where Exchange 2003 runs): no header,
 * {@code Date,Time,Source,Type,Category,Event,User,Computer,Description}. The description is not
 * always quoted, so values past the eighth are joined back into it.
 */
record Server2003Layout() implements TableLayout {

  /** A row with a date, a time, and a numeric event id in the sixth column. */
  static boolean isRow(List<String> fields) {
    if (fields.size() < 8) {
      return false;
    }
    String date = fields.get(0);
    String time = fields.get(1);
    return date.chars().anyMatch(Character::isDigit)
        && date.chars().anyMatch(c -> c == '/' || c == '.' || c == '-')
        && time.contains(":")
        && TableLayout.isInteger(fields.get(5));
  }

  @Override
  public Parsed parse(List<String> fields, long line, char separator) {
    if (fields.size() < 8) {
      return new BadRow(
          "the row has "
              + fields.size()
              + " values; a Server 2003 Event Viewer row has nine (date, time, source, type,"
              + " category, event, user, computer, description)");
    }
    return new TableRow(
        line,
        time(fields),
        fields.get(2),
        fields.get(5),
        fields.get(7),
        TableLayout.rest(fields, 8, separator),
        List.of(),
        null);
  }

  @Override
  public int decidingColumns() {
    return 6;
  }

  @Override
  public int idColumn() {
    return 5;
  }

  @Override
  public int sourceColumn() {
    return 2;
  }

  @Override
  public int dateColumn() {
    return 0;
  }

  @Override
  public String time(List<String> fields) {
    return fields.get(0).strip() + " " + fields.get(1).strip();
  }

  @Override
  public String description() {
    return "Server 2003 Event Viewer";
  }
}
