package org.mapiscope.ingest.rca;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.TextDecoding;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.UserKeys;

/**
 * Reads Exchange 2010+ RPC Client Access protocol logs ({@code RCA_*.LOG}): {@code #}-header lines,
 * then CSV rows mapped by the latest {@code #Fields:} header (a new header may appear anywhere after
 * a service restart). Each row with a session id becomes a {@link SessionEvent}; see docs/ingest.md
 * for the mapping of operations to kinds. Stateless and thread-safe.
 */
public final class RcaReader implements FormatReader {

    public static final String FORMAT = "rca";

    /** A record whose quoted field spans lines is joined up to this many lines. */
    private static final int MAX_CONTINUATION_LINES = 16;
    /** Per-file caches of derived user keys and repeated values are cleared beyond this size. */
    private static final int CACHE_LIMIT = 50_000;

    private static final Pattern BUDGET = Pattern.compile("\\bConn:(\\d+)\\s+MaxConn:(\\S+)");
    private static final String LIMIT_EXCEEDED = "connection limit exceeded";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Sniff sniff) {
        String text = sniff.text();
        if (text.contains("#Log-type: RCA Protocol Logs")) {
            return true;
        }
        int fields = text.indexOf("#Fields:");
        if (fields < 0) {
            return false;
        }
        int eol = text.indexOf('\n', fields);
        String header = text.substring(fields, eol < 0 ? text.length() : eol);
        return header.contains("session-id") && header.contains("client-software") && header.contains("rpc-status");
    }

    @Override
    public void read(InputFile input, ReadContext context) throws IOException {
        try (BufferedReader reader = TextDecoding.reader(input.open())) {
            new Run(input, context).read(reader);
        }
    }

    /** The state of reading one file. */
    private static final class Run {
        private final String file;
        private final String serverHint;
        private final ReadContext context;
        private final CsvLine csv = new CsvLine();
        private final IsoTime times = new IsoTime();
        private final Map<String, String[]> identities = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();
        private RcaColumns columns;

        Run(InputFile input, ReadContext context) {
            this.file = input.displayPath();
            this.serverHint = input.serverHint();
            this.context = context;
        }

        void read(BufferedReader reader) throws IOException {
            long lineNo = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                if (line.charAt(0) == '#') {
                    header(line);
                    continue;
                }
                long first = lineNo;
                csv.split(line);
                int extra = 0;
                while (csv.unterminated() && extra < MAX_CONTINUATION_LINES) {
                    String next = reader.readLine();
                    if (next == null) {
                        break;
                    }
                    lineNo++;
                    extra++;
                    line = line + "\n" + next;
                    csv.split(line);
                }
                row(EvidenceRef.line(file, first));
            }
        }

        private void header(String line) {
            if (line.regionMatches(true, 0, "#Fields:", 0, 8)) {
                columns = RcaColumns.ofHeader(line.substring(8));
                identities.clear(); // a restart: keep caches small, nothing else carries over
            }
        }

        private void row(EvidenceRef ref) {
            if (csv.unterminated()) {
                context.skip(ref, "a quoted field is not closed within " + MAX_CONTINUATION_LINES + " lines");
                return;
            }
            RcaColumns cols = columns;
            if (cols == null) {
                cols = RcaColumns.guess(csv.count());
                if (cols == null) {
                    context.skip(ref, "no #Fields header before this record and its " + csv.count()
                            + " fields match no known RCA layout");
                    return;
                }
            }
            if (!cols.usable()) {
                context.skip(ref, "the #Fields header has no date-time, session-id or operation column");
                return;
            }
            if (csv.count() != cols.count()) {
                context.skip(ref, "has " + csv.count() + " fields, the #Fields header names " + cols.count());
                return;
            }
            if (csv.isEmpty(cols.sessionId())) {
                context.count(); // service rows (throttling summaries, warnings) belong to no session
                return;
            }
            String stamp = csv.field(cols.dateTime());
            Instant time = times.parse(stamp);
            if (time == null) {
                context.skip(ref, "date-time '" + stamp + "' is not an ISO-8601 time");
                return;
            }
            String operation = value(csv.field(cols.operation()));
            String specific = csv.field(cols.operationSpecific());
            SessionEvent.Kind kind = kind(cols, operation, specific);
            if (operation.isEmpty()) {
                operation = budgetSnapshot(specific);
            }
            String[] identity = identity(csv.field(cols.clientName()));
            String server = serverHint != null ? serverHint : emptyToNull(value(csv.field(cols.serverIp())));
            context.emit(new SessionEvent(time, server, csv.field(cols.sessionId()), identity[0], identity[1], kind,
                    emptyToNull(operation), emptyToNull(value(RcaAddresses.withoutPort(csv.field(cols.clientIp())))),
                    emptyToNull(value(csv.field(cols.clientSoftware()))),
                    emptyToNull(value(csv.field(cols.clientSoftwareVersion()))),
                    emptyToNull(value(csv.field(cols.clientMode()))),
                    isLogon(operation) ? mailbox(specific) : null, ref));
        }

        private SessionEvent.Kind kind(RcaColumns cols, String operation, String specific) {
            if (operation.equalsIgnoreCase("Connect")) {
                return failed(cols, specific) ? SessionEvent.Kind.REJECTED : SessionEvent.Kind.CONNECT;
            }
            if (operation.equalsIgnoreCase("Disconnect")) {
                return SessionEvent.Kind.DISCONNECT;
            }
            return SessionEvent.Kind.ACTIVITY;
        }

        /** A connect fails when rpc-status carries a non-zero code or the row says the limit was hit. */
        private boolean failed(RcaColumns cols, String specific) {
            if (!csv.isEmpty(cols.rpcStatus())) {
                String status = csv.field(cols.rpcStatus()).strip();
                if (!status.equals("0") && !status.startsWith("0 ")) {
                    return true;
                }
            }
            return specific.toLowerCase(Locale.ROOT).contains(LIMIT_EXCEEDED)
                    || csv.field(cols.failures()).toLowerCase(Locale.ROOT).contains(LIMIT_EXCEEDED);
        }

        /** [user key, DN as logged], cached: deriving a key costs regex work and a log repeats few identities. */
        private String[] identity(String clientName) {
            if (clientName.isBlank()) {
                return new String[2];
            }
            String[] cached = identities.get(clientName);
            if (cached == null) {
                if (identities.size() >= CACHE_LIMIT) {
                    identities.clear();
                }
                cached = new String[] {emptyToNull(UserKeys.fromIdentity(clientName)), UserKeys.dnOf(clientName)};
                identities.put(clientName, cached);
            }
            return cached;
        }

        /** One shared instance per repeated value, so evidence held downstream does not repeat strings. */
        private String value(String s) {
            if (s.isEmpty()) {
                return s;
            }
            String known = values.putIfAbsent(s, s);
            if (known != null) {
                return known;
            }
            if (values.size() >= CACHE_LIMIT) {
                values.clear();
            }
            return s;
        }
    }

    /** Throttling rows carry a budget snapshot {@code Conn:7 MaxConn:40}; it becomes their operation. */
    static String budgetSnapshot(String specific) {
        Matcher m = BUDGET.matcher(specific);
        return m.find() ? "Throttling Conn:" + m.group(1) + " MaxConn:" + m.group(2) : "";
    }

    static boolean isLogon(String operation) {
        return operation.regionMatches(true, operation.length() - 5, "Logon", 0, 5)
                && !operation.equalsIgnoreCase("Logoff");
    }

    /** The mailbox a logon names in operation-specific, as a user key, or null. */
    static String mailbox(String specific) {
        int at = specific.toLowerCase(Locale.ROOT).indexOf("/o=");
        if (at < 0) {
            return null;
        }
        int end = specific.length();
        for (String stop : new String[] {";", ",", "\"", " in database", "]"}) {
            int k = specific.indexOf(stop, at);
            if (k >= 0 && k < end) {
                end = k;
            }
        }
        String key = UserKeys.fromIdentity(specific.substring(at, end));
        return key.isEmpty() ? null : key;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
