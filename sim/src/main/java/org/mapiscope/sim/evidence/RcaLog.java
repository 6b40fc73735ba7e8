package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.mapiscope.sim.scenario.Server;

/**
 * Writes RPC Client Access protocol logs as the scenario's Exchange version does (docs/ingest.md):
 * Exchange 2010 one {@code RCA_yyyymmdd-N.LOG} per UTC day with the 17 fields of 2010; Exchange
 * 2013+ one {@code RCA_yyyymmddhh-N.LOG} per UTC hour with 23 fields. A new numbered file when one
 * passes the default 10 MB. Each file starts with the Exchange log header; after a service restart
 * the new process writes the header block again into the file it logs to. Rows must come in time
 * order. Not thread-safe.
 */
final class RcaLog implements AutoCloseable {

  static final String DIRECTORY = "rca/";
  static final String FIELDS =
      "date-time,session-id,seq-number,client-name,organization-info,client-software,"
          + "client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,"
          + "processing-time,operation-specific,failures";

  /** The 23 fields of Exchange 2013+ (mahuynh, "Enable ROP logging in Exchange 2010 and 2013"). */
  static final String FIELDS_2013 =
      "date-time,session-id,seq-number,client-name,organization-info,client-software,"
          + "client-software-version,client-mode,client-ip,client-connection-info,server-ip,protocol,application-id,"
          + "request-ids,session-cookie,operation,rpc-status,processing-time,operation-specific,failures,"
          + "performance-data,activity-context-data,user-email";

  /** Exchange 2010 SP3 build, as the #Version header line carries it. */
  static final String VERSION = "14.3.123.4";

  /** PerFileMaxSize default of the RCA protocol log. */
  static final long MAX_FILE_CHARS = 10L * 1024 * 1024;

  /** MAPI_E_SESSION_LIMIT: what a Connect refused at the session limit reports. */
  static final String SESSION_LIMIT_STATUS = "0x80040112 (rpc::SessionLimit)";

  /**
   * ecLoginPerm: the account may not open that mailbox as its owner (the status real logs write,
   * docs/ingest.md).
   */
  static final String LOGIN_PERM_STATUS = "1010 (rpc::LoginPerm)";

  /** MAPI_E_LOGON_FAILED: authentication failed (expired or wrong credentials). */
  static final String LOGIN_FAILURE_STATUS = "0x80040111 (rpc::LoginFailure)";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The session-scope fields: the same on every row of a session. */
  record Session(
      String dn, String software, String version, String mode, String protocol, String userEmail) {}

  /**
   * One row. Record-scope fields (client-ip, server-ip, client-connection-info, request-ids, …) are
   * empty unless set: Exchange fills client-ip and server-ip only on the row of the Connect call.
   */
  static final class Row {
    final Instant at;
    final long sessionId;
    final long seq;
    final Session session;
    final String operation;
    String clientIp = "";
    String serverIp = "";
    String connectionInfo = "";
    String applicationId = "";
    String requestIds = "";
    String sessionCookie = "";
    String rpcStatus = "0";
    int processingMs;
    String operationSpecific = "";
    String failures = "";
    String performanceData = "";

    Row(Instant at, long sessionId, long seq, Session session, String operation) {
      this.at = at;
      this.sessionId = sessionId;
      this.seq = seq;
      this.session = session;
      this.operation = operation;
    }
  }

  private final EvidenceOutput out;
  private final boolean modern;
  private final String software;
  private final String version;
  private Writer writer;
  private String period = "";
  private int part;
  private long written;

  /** When the restarted service came back, until its header block is written. */
  private Instant restartedAt;

  RcaLog(EvidenceOutput out, Server server) {
    this.out = out;
    this.modern = server.exchangeVersion() >= 2013;
    // 2013 code writes "Microsoft Exchange"; 2010 "Microsoft Exchange Server" (docs/ingest.md)
    this.software = modern ? "Microsoft Exchange" : "Microsoft Exchange Server";
    this.version =
        switch (server.exchangeVersion()) {
          case 2013 -> "15.00.1497.012";
          case 2016 -> "15.01.2507.006";
          case 2019 -> "15.02.1118.007";
          default -> VERSION;
        };
  }

  boolean modern() {
    return modern;
  }

  /** The service came back at {@code at}: the next row is preceded by a fresh header block. */
  void restarted(Instant at) {
    restartedAt = at;
  }

  void row(Row r) throws IOException {
    String stamp = STAMP.format(r.at);
    Session s = r.session;
    StringBuilder line = new StringBuilder(320);
    line.append(stamp)
        .append(',')
        .append(r.sessionId)
        .append(',')
        .append(r.seq)
        .append(',')
        .append(csv(s.dn()))
        .append(",,") // organization-info: empty on premises (one organization, no tenant)
        .append(csv(s.software()))
        .append(',')
        .append(s.version())
        .append(',')
        .append(s.mode())
        .append(',')
        .append(r.clientIp)
        .append(',');
    if (modern) {
      line.append(csv(r.connectionInfo)).append(',');
    }
    line.append(r.serverIp)
        .append(',')
        .append(s.protocol())
        .append(',')
        .append(csv(r.applicationId))
        .append(',');
    if (modern) {
      line.append(csv(r.requestIds)).append(',').append(csv(r.sessionCookie)).append(',');
    }
    line.append(r.operation)
        .append(',')
        .append(csv(r.rpcStatus))
        .append(',')
        .append(modern ? timeSpan(r.processingMs) : Integer.toString(r.processingMs))
        .append(',')
        .append(csv(r.operationSpecific))
        .append(',')
        .append(csv(r.failures));
    if (modern) {
      line.append(',').append(csv(r.performanceData)).append(",,").append(s.userEmail());
    }
    line.append("\r\n");
    fileFor(r.at, stamp).write(line.toString());
    written += line.length();
  }

  private Writer fileFor(Instant at, String stamp) throws IOException {
    String now = (modern ? HOUR : DAY).format(at);
    if (!now.equals(period) || written > MAX_FILE_CHARS) {
      part = now.equals(period) ? part + 1 : 1;
      period = now;
      close();
      writer = out.open(DIRECTORY + "RCA_" + period + "-" + part + ".LOG", StandardCharsets.UTF_8);
      written = 0;
      header(restartedAt != null ? STAMP.format(restartedAt) : stamp);
    } else if (restartedAt != null) {
      // The restarted service appends to the current file: the header again, rows after a gap.
      header(STAMP.format(restartedAt));
    }
    restartedAt = null;
    return writer;
  }

  private void header(String date) throws IOException {
    String header =
        "#Software: "
            + software
            + "\r\n#Version: "
            + version
            + "\r\n"
            + "#Log-type: RCA Protocol Logs\r\n#Date: "
            + date
            + "\r\n#Fields: "
            + (modern ? FIELDS_2013 : FIELDS)
            + "\r\n";
    writer.write(header);
    written += header.length();
  }

  /** A .NET TimeSpan as 2013+ writes processing-time: {@code 00:00:00.0150000}. */
  static String timeSpan(long ms) {
    long s = ms / 1000;
    return String.format(
        java.util.Locale.ROOT, "%02d:%02d:%02d.%03d0000", s / 3600, s / 60 % 60, s % 60, ms % 1000);
  }

  /** RFC 4180 quoting for fields that hold commas or quotes. */
  private static String csv(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
