package org.mapiscope.ingest.eventlog;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;

/**
 * Event Viewer (Vista and later) "Save All Events As… CSV / Text": a header of five names
 * ({@code Level,Date and Time,Source,Event ID,Task Category}, localized) and six values a row,
 * the sixth, unnamed, being the description. There is no computer column.
 */
record ViewerLayout() implements TableLayout {

    private static final List<String> ENGLISH_HEADER = List.of("Level", "Date and Time", "Source", "Event ID", "Task Category");

    /** A five-name header followed by a six-value row whose fourth value is a number; or the English header alone. */
    static boolean isHeader(CsvRecord first, CsvRecord second) {
        if (first.getFieldCount() != 5) {
            return false;
        }
        if (second == null) {
            return first.getFields().equals(ENGLISH_HEADER);
        }
        return second.getFieldCount() >= 6 && TableLayout.isInteger(second.getField(3));
    }

    @Override
    public Parsed parse(CsvRecord record, char separator) {
        if (record.getFieldCount() < 6) {
            return new BadRow("the row has " + record.getFieldCount()
                    + " values; an Event Viewer row has six (level, date and time, source, event id, task category, description)");
        }
        return new TableRow(record.getStartingLineNumber(), record.getField(1), record.getField(2), record.getField(3),
                null, TableLayout.rest(record, 5, separator), List.of());
    }

    @Override
    public String description() {
        return "Event Viewer";
    }
}
