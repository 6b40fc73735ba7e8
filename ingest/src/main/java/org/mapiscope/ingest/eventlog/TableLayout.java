package org.mapiscope.ingest.eventlog;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import java.util.Optional;

/**
 * The column layout of an exported event table, recognised from its first rows (never from the
 * words of a localized header): Event Viewer Vista+ (five names, six values a row), Server 2003
 * Event Viewer (no header, nine columns), PowerShell {@code Export-Csv} (named columns).
 */
sealed interface TableLayout permits ViewerLayout, Server2003Layout, PowerShellLayout {

    /** A row read into fields, or why it cannot be. */
    sealed interface Parsed permits TableRow, BadRow {
    }

    /** A row that does not have what its layout promises. */
    record BadRow(String reason) implements Parsed {
    }

    /** How the layout of a table was recognised. */
    record Recognised(TableLayout layout, int headerRecords) {
    }

    /** Reads one data row. */
    Parsed parse(CsvRecord record, char separator);

    /** A short name for messages: {@code Event Viewer}, {@code Server 2003 Event Viewer}, {@code Get-WinEvent | Export-Csv}. */
    String description();

    /**
     * The layout of a table from its first records (a PowerShell {@code #TYPE} line included),
     * and how many of them are header lines; empty when it is no event table.
     */
    static Optional<Recognised> recognise(List<CsvRecord> head) {
        int skipped = 0;
        if (!head.isEmpty() && head.get(0).getField(0).startsWith("#TYPE")) {
            skipped = 1;
        }
        if (head.size() <= skipped) {
            return Optional.empty();
        }
        CsvRecord first = head.get(skipped);
        CsvRecord second = head.size() > skipped + 1 ? head.get(skipped + 1) : null;
        Optional<PowerShellLayout> powerShell = PowerShellLayout.fromHeader(first.getFields());
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

    /** The fields from {@code from} on, joined again: an unquoted description that held the separator. */
    static String rest(CsvRecord record, int from, char separator) {
        if (record.getFieldCount() <= from) {
            return "";
        }
        return String.join(String.valueOf(separator), record.getFields().subList(from, record.getFieldCount()));
    }

    static boolean isInteger(String text) {
        String t = text.strip();
        return !t.isEmpty() && t.length() <= 10 && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
