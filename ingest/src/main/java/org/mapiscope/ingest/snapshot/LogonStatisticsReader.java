package org.mapiscope.ingest.snapshot;

import java.io.IOException;
import java.util.List;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;

/**
 * Reads {@code Get-LogonStatistics | Export-Csv} (Exchange 2007/2010): one row per logon the store
 * holds. The user is the logged-on user's legacyExchangeDN ({@code FullUserDirectoryName}), else
 * {@code Windows2000Account}, else {@code UserName}; the server is the {@code ServerName} column,
 * else the path's hint. Stateless and thread-safe.
 */
public final class LogonStatisticsReader implements FormatReader {

  public static final String FORMAT = "logon-statistics";

  private static final LogonColumns COLUMNS =
      new LogonColumns(
          List.of("FullUserDirectoryName", "Windows2000Account", "UserName"),
          "LogonTime",
          "LastAccessTime",
          "ClientIPAddress",
          "ClientMode",
          Identities::blankToNull,
          "FullMailboxDirectoryName");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean detect(Sniff sniff) {
    String text = sniff.text();
    if (text.stripLeading().startsWith("#TYPE Microsoft.Exchange.Data.Mapi.LogonStatistics")) {
      return true;
    }
    String header = SnapshotTable.headerLine(text);
    return header.contains("FullUserDirectoryName")
        || header.contains("LastAccessTime")
            && header.contains("LogonTime")
            && header.contains("ClientIPAddress");
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    SnapshotReading.read(input, context, COLUMNS);
  }
}
