package org.mapiscope.ingest.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a logon snapshot format keeps each part of a logon; both formats turn a row into a logon
 * the same way. The user is the first non-blank of {@code userColumns} (the logged-on user's
 * legacyExchangeDN first); the server is the {@code ServerName} column, else the path's hint.
 *
 * @param userColumns the columns naming the user, in preference order; the first holds the DN
 * @param logonTime the column with the logon's start
 * @param lastAccess the column with the last activity
 * @param clientIp the column with the client address
 * @param clientMode the column with the client mode
 * @param modeNames turns a client mode as written into its name ({@code null} for none)
 * @param mailbox the column with the DN of the mailbox logged on to
 */
record LogonColumns(
    List<String> userColumns,
    String logonTime,
    String lastAccess,
    String clientIp,
    String clientMode,
    UnaryOperator<String> modeNames,
    String mailbox) {

  LogonColumns {
    userColumns = List.copyOf(userColumns);
  }

  /** The columns holding dates, to learn the file's date culture. */
  List<String> dateColumns() {
    return List.of(logonTime, lastAccess);
  }

  /**
   * @throws IllegalArgumentException with the reason when the row cannot be used
   */
  SnapshotReading.Logon logon(SnapshotTable.Row row, SnapshotDates dates, String serverHint) {
    String dn = row.get(userColumns.get(0));
    String user = Identities.key(userColumns.stream().map(row::get).toArray(String[]::new));
    if (user.isEmpty()) {
      throw new IllegalArgumentException(
          "no "
              + String.join(", ", userColumns.subList(0, userColumns.size() - 1))
              + " or "
              + userColumns.get(userColumns.size() - 1));
    }
    String server = Identities.blankToNull(row.get("ServerName"));
    return new SnapshotReading.Logon(
        server != null ? server : serverHint,
        user,
        dn.contains("/") ? dn : null,
        date(dates, row, logonTime),
        date(dates, row, lastAccess),
        Identities.blankToNull(row.get(clientIp)),
        Identities.blankToNull(row.get("ClientName")),
        Identities.blankToNull(row.get("ClientVersion")),
        modeNames.apply(row.get(clientMode)),
        Identities.mailbox(row.get(mailbox)));
  }

  private static Instant date(SnapshotDates dates, SnapshotTable.Row row, String column) {
    try {
      return dates.parse(row.get(column));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " " + e.getMessage());
    }
  }
}
