package org.mapiscope.ingest.eventlog;

import java.util.List;

/**
 * Event Viewer (Vista and later) "Save All Events As… CSV / Text": a header of five names ({@code
 * Level,Date and Time,Source,Event ID,Task Category}, localized) and six values a row, the sixth,
 * unnamed, being the description. There is no computer column.
 */
record ViewerLayout() implements TableLayout {

  private static final List<String> ENGLISH_HEADER =
      List.of("Level", "Date and Time", "Source", "Event ID", "Task Category");

  /**
   * A five-name header followed by a six-value row whose fourth value is a number; or the English
   * header alone.
   */
  static boolean isHeader(List<String> first, List<String> second) {
    if (first.size() != 5) {
      return false;
    }
    if (second == null) {
      return first.equals(ENGLISH_HEADER);
    }
    return second.size() >= 6 && TableLayout.isInteger(second.get(3));
  }

  @Override
  public Parsed parse(List<String> fields, long line, char separator) {
    if (fields.size() < 6) {
      return new BadRow(
          "the row has "
              + fields.size()
              + " values; an Event Viewer row has six (level, date and time, source, event id, task"
              + " category, description)");
    }
    return new TableRow(
        line,
        fields.get(1),
        fields.get(2),
        fields.get(3),
        null,
        TableLayout.rest(fields, 5, separator),
        List.of(),
        null);
  }

  @Override
  public int decidingColumns() {
    return 4;
  }

  @Override
  public int idColumn() {
    return 3;
  }

  @Override
  public int sourceColumn() {
    return 2;
  }

  @Override
  public int dateColumn() {
    return 1;
  }

  @Override
  public String time(List<String> fields) {
    return fields.get(1);
  }

  @Override
  public String description() {
    return "Event Viewer";
  }
}
