package org.mapiscope.ingest.snapshot;

import java.io.IOException;
import java.util.List;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;

/**
 * Reads Exchange 2003 WMI {@code Exchange_Logon} instances exported as CSV ({@code Get-WmiObject
 * -Namespace root\MicrosoftExchangeV2 -Class Exchange_Logon | Export-Csv}): one row per logon,
 * times as CIM datetimes. The user is the logged-on user's own mailbox DN ({@code
 * LoggedOnUsersMailboxLegacyDN}), else {@code LoggedOnUserAccount}; the mailbox logged on to is
 * {@code MailboxLegacyDN}. {@code ClientMode} 1 and 2 become {@code Classic Online} and {@code
 * Cached}. Stateless and thread-safe.
 */
public final class ExchangeLogonReader implements FormatReader {

  public static final String FORMAT = "exchange-logon";

  private static final LogonColumns COLUMNS =
      new LogonColumns(
          List.of("LoggedOnUsersMailboxLegacyDN", "LoggedOnUserAccount", "MailboxDisplayName"),
          "LogonTime",
          "LastOperationTime",
          "ClientIP",
          "ClientMode",
          ExchangeLogonReader::mode,
          "MailboxLegacyDN");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean detect(Sniff sniff) {
    String text = sniff.text();
    String first = text.stripLeading();
    if (first.startsWith("#TYPE")
        && first.lines().findFirst().orElse("").contains("Exchange_Logon")) {
      return true;
    }
    String header = SnapshotTable.headerLine(text);
    return header.contains("LoggedOnUserAccount")
        || header.contains("MailboxLegacyDN") && header.contains("LastOperationTime");
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    SnapshotReading.read(input, context, COLUMNS);
  }

  /** Exchange_Logon.ClientMode: 1 = Classic Online, 2 = Cached (MSDN Exchange_Logon class). */
  private static String mode(String value) {
    return switch (value) {
      case "1" -> "Classic Online";
      case "2" -> "Cached";
      default -> Identities.blankToNull(value);
    };
  }
}
