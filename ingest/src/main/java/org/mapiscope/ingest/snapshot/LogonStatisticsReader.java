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

  private static final Columns COLUMNS = new Columns();

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

  private static final class Columns implements SnapshotReading.Columns {
    @Override
    public List<String> dateColumns() {
      return List.of("LogonTime", "LastAccessTime");
    }

    @Override
    public String lastAccessColumn() {
      return "LastAccessTime";
    }

    @Override
    public SnapshotReading.Logon logon(
        SnapshotTable.Row row, CultureDates dates, String serverHint) {
      String dn = row.get("FullUserDirectoryName");
      String user = Identities.key(dn, row.get("Windows2000Account"), row.get("UserName"));
      if (user.isEmpty()) {
        throw new IllegalArgumentException(
            "no FullUserDirectoryName, Windows2000Account or UserName");
      }
      String server = Identities.blankToNull(row.get("ServerName"));
      return new SnapshotReading.Logon(
          server != null ? server : serverHint,
          user,
          dn.contains("/") ? dn : null,
          date(dates, row, "LogonTime"),
          date(dates, row, "LastAccessTime"),
          Identities.blankToNull(row.get("ClientIPAddress")),
          Identities.blankToNull(row.get("ClientName")),
          Identities.blankToNull(row.get("ClientVersion")),
          Identities.blankToNull(row.get("ClientMode")),
          Identities.mailbox(row.get("FullMailboxDirectoryName")));
    }
  }

  static java.time.Instant date(CultureDates dates, SnapshotTable.Row row, String column) {
    try {
      return dates.parse(row.get(column));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " " + e.getMessage());
    }
  }
}
