package org.mapiscope.ingest.eventlog;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;

/**
 * Server 2003 Event Viewer "Save Log File As… CSV / Text" (where Exchange 2003 runs): no header,
 * {@code Date,Time,Source,Type,Category,Event,User,Computer,Description}. The description is not
 * always quoted, so values past the eighth are joined back into it.
 */
record Server2003Layout() implements TableLayout {

    /** A row with a date, a time, and a numeric event id in the sixth column. */
    static boolean isRow(CsvRecord record) {
        if (record.getFieldCount() < 8) {
            return false;
        }
        String date = record.getField(0);
        String time = record.getField(1);
        return date.chars().anyMatch(Character::isDigit) && date.chars().anyMatch(c -> c == '/' || c == '.' || c == '-')
                && time.contains(":") && TableLayout.isInteger(record.getField(5));
    }

    @Override
    public Parsed parse(CsvRecord record, char separator) {
        if (record.getFieldCount() < 8) {
            return new BadRow("the row has " + record.getFieldCount()
                    + " values; a Server 2003 Event Viewer row has nine (date, time, source, type, category, event, user,"
                    + " computer, description)");
        }
        String time = record.getField(0).strip() + " " + record.getField(1).strip();
        return new TableRow(record.getStartingLineNumber(), time, record.getField(2), record.getField(5),
                record.getField(7), TableLayout.rest(record, 8, separator), List.of());
    }

    @Override
    public String description() {
        return "Server 2003 Event Viewer";
    }
}
