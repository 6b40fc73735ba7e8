package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;

/**
 * Tab-separated event exports (format {@code event-txt}): Event Viewer "Save As… Text (Tab
 * delimited)" of Vista and later (five header names, six values a row, localized), of Server 2003
 * (no header, nine columns), and {@code Export-Csv -Delimiter "`t"} of {@code Get-WinEvent} /
 * {@code Get-EventLog}. Recognised by the shape of the first rows. Times are local: they are read
 * in {@link ReadContext#timezone()}.
 *
 * <p>Stateless and thread-safe; see docs/event-formats.md.
 */
public final class EventTxtReader implements FormatReader {

  @Override
  public String format() {
    return "event-txt";
  }

  @Override
  public boolean detect(Sniff sniff) {
    return EventTable.detect(sniff.text(), '\t');
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    EventTable.read(input, context, '\t');
  }
}
