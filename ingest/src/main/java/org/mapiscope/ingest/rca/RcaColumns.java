package org.mapiscope.ingest.rca;

import java.util.List;
import java.util.Locale;

/**
 * Where each field of interest sits in an RCA log row, as the {@code #Fields:} header says. The
 * column set differs by build (17 fields in 2010, 23 or 24 in 2013+), so columns are always found
 * by name; -1 means the log has no such column. server-ip is not among them: it is record-scoped
 * (filled on Connect rows only) and a front end's proxy address in 2013+ ({@code ::1}), so it never
 * names the server.
 */
record RcaColumns(
    int count,
    int dateTime,
    int sessionId,
    int clientName,
    int clientSoftware,
    int clientSoftwareVersion,
    int clientMode,
    int clientIp,
    int operation,
    int rpcStatus,
    int operationSpecific,
    int failures) {

  /** Exchange 2010 (14.x) field list, for rows met before any header. */
  static final List<String> EXCHANGE_2010 =
      List.of(
          "date-time",
          "session-id",
          "seq-number",
          "client-name",
          "organization-info",
          "client-software",
          "client-software-version",
          "client-mode",
          "client-ip",
          "server-ip",
          "protocol",
          "application-id",
          "operation",
          "rpc-status",
          "processing-time",
          "operation-specific",
          "failures");

  /** Exchange 2013+ field list (24 with passport-unique-id, 23 without). */
  static final List<String> EXCHANGE_2013 =
      List.of(
          "date-time",
          "session-id",
          "seq-number",
          "client-name",
          "organization-info",
          "client-software",
          "client-software-version",
          "client-mode",
          "client-ip",
          "client-connection-info",
          "server-ip",
          "protocol",
          "application-id",
          "request-ids",
          "session-cookie",
          "operation",
          "rpc-status",
          "processing-time",
          "operation-specific",
          "failures",
          "performance-data",
          "activity-context-data",
          "user-email",
          "passport-unique-id");

  static RcaColumns of(List<String> names) {
    List<String> lower = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    return new RcaColumns(
        lower.size(),
        lower.indexOf("date-time"),
        lower.indexOf("session-id"),
        lower.indexOf("client-name"),
        lower.indexOf("client-software"),
        lower.indexOf("client-software-version"),
        lower.indexOf("client-mode"),
        lower.indexOf("client-ip"),
        lower.indexOf("operation"),
        lower.indexOf("rpc-status"),
        lower.indexOf("operation-specific"),
        lower.indexOf("failures"));
  }

  /** Parses the text after {@code #Fields:}. */
  static RcaColumns ofHeader(String fieldsText) {
    return of(List.of(fieldsText.split(",")));
  }

  /**
   * The known layout with this many fields, for rows met before any header; null when none fits.
   */
  static RcaColumns guess(int fieldCount) {
    if (fieldCount == EXCHANGE_2010.size()) {
      return of(EXCHANGE_2010);
    }
    if (fieldCount == EXCHANGE_2013.size() || fieldCount == EXCHANGE_2013.size() - 1) {
      return of(EXCHANGE_2013.subList(0, fieldCount));
    }
    return null;
  }

  /** Whether rows can be read at all: time, session and operation are needed. */
  boolean usable() {
    return dateTime >= 0 && sessionId >= 0 && operation >= 0;
  }
}
