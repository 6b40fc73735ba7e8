package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes Exchange 2010 RPC Client Access logs: one {@code RCA_yyyymmdd-N.LOG} per UTC day, a new
 * numbered file when one passes the default 10 MB, each starting with the Exchange log header and the
 * 17 Exchange 2010 fields (research/formats.md §4). Rows must come in time order. Not thread-safe.
 */
final class RcaLog implements AutoCloseable {

    static final String DIRECTORY = "rca/";
    static final String FIELDS = "date-time,session-id,seq-number,client-name,organization-info,client-software,"
            + "client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,"
            + "processing-time,operation-specific,failures";
    /** Exchange 2010 SP3 build, as the #Version header line carries it. */
    static final String VERSION = "14.3.123.4";
    /** PerFileMaxSize default of the RCA protocol log. */
    static final long MAX_FILE_CHARS = 10L * 1024 * 1024;
    /** MAPI_E_SESSION_LIMIT: what a Connect refused at the session limit reports. */
    static final String SESSION_LIMIT_STATUS = "0x80040112 (rpc::SessionLimit)";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EvidenceOutput out;
    private Writer writer;
    private String day = "";
    private int part;
    private long written;

    RcaLog(EvidenceOutput out) {
        this.out = out;
    }

    /** The session-scope fields of a row: who connects with what. */
    record Client(String dn, String software, String version, String mode, String ip) {
    }

    void row(Instant at, long sessionId, int seq, Client c, String operation, String rpcStatus, int processingMs,
            String operationSpecific) throws IOException {
        String stamp = STAMP.format(at);
        String line = stamp + ',' + sessionId + ',' + seq + ',' + c.dn() + ",," + c.software() + ',' + c.version()
                + ',' + c.mode() + ',' + c.ip() + ',' + ClientProfiles.SERVER_IP + ",ncacn_ip_tcp,," + operation + ','
                + rpcStatus + ',' + processingMs + ',' + csv(operationSpecific) + ",\r\n";
        fileFor(at, stamp).write(line);
        written += line.length();
    }

    private Writer fileFor(Instant at, String stamp) throws IOException {
        String today = DAY.format(at);
        if (!today.equals(day) || written > MAX_FILE_CHARS) {
            part = today.equals(day) ? part + 1 : 1;
            day = today;
            close();
            writer = out.open(DIRECTORY + "RCA_" + day + "-" + part + ".LOG", StandardCharsets.UTF_8);
            String header = "#Software: Microsoft Exchange Server\r\n#Version: " + VERSION + "\r\n"
                    + "#Log-type: RCA Protocol Logs\r\n#Date: " + stamp + "\r\n#Fields: " + FIELDS + "\r\n";
            writer.write(header);
            written = header.length();
        }
        return writer;
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
