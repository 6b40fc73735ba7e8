package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;

/**
 * Comma-separated event exports (format {@code event-csv}): Event Viewer "Save As… CSV" of Vista
 * and later (five header names, six values a row, localized), of Server 2003 (no header, nine
 * columns), and {@code Get-WinEvent} / {@code Get-EventLog | Export-Csv}, also with {@code
 * -UseCulture}'s semicolons. Recognised by the shape of the first rows. Times are local: they are
 * read in {@link ReadContext#timezone()}.
 *
 * <p>Stateless and thread-safe; see docs/event-formats.md.
 */
public final class EventCsvReader implements FormatReader {

  /** Commas, else semicolons ({@code Export-Csv -UseCulture} in cultures with a decimal comma). */
  private static final char[] SEPARATORS = {',', ';'};

  @Override
  public String format() {
    return "event-csv";
  }

  @Override
  public boolean detect(Sniff sniff) {
    return EventTable.detect(sniff.text(), SEPARATORS);
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    EventTable.read(input, context, SEPARATORS);
  }
}
