package org.mapiscope.ingest.rca;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.TextDecoding;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.UserKeys;

/**
 * Reads Exchange 2010+ RPC Client Access protocol logs ({@code RCA_*.LOG}): {@code #}-header lines,
 * then CSV rows mapped by the latest {@code #Fields:} header (a new header may appear anywhere
 * after a service restart). Each row with a session id becomes a {@link SessionEvent}; a header
 * block after rows of the same file becomes a {@link ServiceRestart}. See docs/ingest.md for the
 * mapping of operations to kinds. Stateless and thread-safe.
 */
public final class RcaReader implements FormatReader {

  public static final String FORMAT = "rca";

  /** A record whose quoted field spans lines is joined up to this many lines. */
  private static final int MAX_CONTINUATION_LINES = 16;

  /** Per-file caches of derived user keys and repeated values are cleared beyond this size. */
  private static final int CACHE_LIMIT = 50_000;

  private static final Pattern BUDGET = Pattern.compile("\\bConn:(\\d+)\\s+MaxConn:(\\S+)");

  /** Failure text kept on a failed connect's event, in characters. */
  private static final int STATUS_LENGTH = 200;

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
    return header.contains("session-id")
        && header.contains("client-software")
        && header.contains("rpc-status");
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    try (BoundedLineReader lines =
        TextDecoding.lines(
            input.open(), BoundedLineReader.reportingTo(context, input.displayPath()))) {
      new Run(input, context).read(lines);
    }
  }

  /** The state of reading one file. */
  private static final class Run {
    private final String file;
    private final String server;
    private final ReadContext context;
    private final CsvLine csv = new CsvLine();
    private final IsoTime times = new IsoTime();
    private final Map<String, String[]> identities = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();

    /** Logon rows' operation-specific text to the mailbox's user key ("" for none), per file. */
    private final Map<String, String> mailboxes = new HashMap<>();

    private RcaColumns columns;

    /**
     * A data line was read since the last header block: a header line now means the service
     * restarted.
     */
    private boolean rowsSinceHeader;

    /** The first line of a header block that followed data rows, until its restart is emitted. */
    private EvidenceRef restartAt;

    /** That block's {@code #Date}, or null when it has none (the next row's time is used). */
    private Instant restartDate;

    Run(InputFile input, ReadContext context) {
      this.file = input.displayPath();
      // Rows never name the server: server-ip is empty on all but Connect rows (record-scoped), so
      // a
      // session's rows would split across servers. The file's place says it, or nothing does.
      this.server = input.serverHint();
      this.context = context;
    }

    void read(BoundedLineReader reader) throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        long lineNo = reader.lineNumber();
        if (line.isEmpty()) {
          continue;
        }
        if (line.charAt(0) == '#') {
          header(line, lineNo);
          continue;
        }
        rowsSinceHeader = true;
        long first = lineNo;
        csv.split(line);
        int extra = 0;
        while (csv.unterminated()
            && extra < MAX_CONTINUATION_LINES
            && line.length() < reader.maxLineChars()) {
          String next = reader.readLine();
          if (next == null) {
            break;
          }
          extra++;
          line = line + "\n" + next;
          csv.split(line);
        }
        row(EvidenceRef.line(file, first));
      }
      if (restartAt != null && restartDate != null) {
        restart(restartDate); // a restart with nothing logged after it
      }
    }

    private void header(String line, long lineNo) {
      boolean block =
          startsWith(line, "#Software:")
              || startsWith(line, "#Version:")
              || startsWith(line, "#Log-type:")
              || startsWith(line, "#Date:")
              || startsWith(line, "#Fields:");
      if (!block) {
        return;
      }
      if (rowsSinceHeader) {
        // Each file starts with its own header; one after rows of the same file means the service
        // started again and went on writing here (rollover starts a new file instead).
        rowsSinceHeader = false;
        if (restartAt == null) {
          restartAt = EvidenceRef.line(file, lineNo);
          restartDate = null;
        }
      }
      if (startsWith(line, "#Date:")) {
        if (restartAt != null && restartDate == null) {
          restartDate = times.parse(line.substring(6).strip());
        }
      } else if (startsWith(line, "#Fields:")) {
        columns = RcaColumns.ofHeader(line.substring(8));
        mailboxes.clear();
        identities.clear(); // a restart: keep caches small, nothing else carries over
      }
    }

    private void restart(Instant time) {
      context.emit(new ServiceRestart(time, server, restartAt));
      restartAt = null;
      restartDate = null;
    }

    private void row(EvidenceRef ref) {
      if (restartAt != null && restartDate != null) {
        restart(restartDate);
      }
      if (csv.unterminated()) {
        context.skip(
            ref, "a quoted field is not closed within " + MAX_CONTINUATION_LINES + " lines");
        return;
      }
      RcaColumns cols = columns;
      if (cols == null) {
        cols = RcaColumns.guess(csv.count());
        if (cols == null) {
          context.skip(
              ref,
              "no #Fields header before this record and its "
                  + csv.count()
                  + " fields match no known RCA layout");
          return;
        }
      }
      if (!cols.usable()) {
        context.skip(ref, "the #Fields header has no date-time, session-id or operation column");
        return;
      }
      if (csv.count() != cols.count()) {
        context.skip(
            ref, "has " + csv.count() + " fields, the #Fields header names " + cols.count());
        return;
      }
      String stamp = csv.field(cols.dateTime());
      if (csv.isEmpty(cols.sessionId())) {
        if (restartAt != null) {
          Instant time = times.parse(stamp);
          if (time != null) {
            restart(time);
          }
        }
        context.count(); // service rows (throttling summaries, warnings) belong to no session
        return;
      }
      Instant time = times.parse(stamp);
      if (time == null) {
        context.skip(ref, "date-time '" + stamp + "' is not an ISO-8601 time");
        return;
      }
      if (restartAt != null) {
        restart(time);
      }
      String operation = value(csv.field(cols.operation()));
      String specific = csv.field(cols.operationSpecific());
      SessionEvent.Kind kind;
      String status = null;
      if (operation.equalsIgnoreCase("Connect")) {
        String rpc = csv.field(cols.rpcStatus()).strip();
        String failures = csv.field(cols.failures()).strip();
        if (succeeded(rpc) && failures.isEmpty()) {
          kind = SessionEvent.Kind.CONNECT;
        } else {
          boolean limit = LimitTokens.namesLimit(rpc) || LimitTokens.namesLimit(failures);
          boolean limitInSpecific = !limit && LimitTokens.namesLimit(specific);
          kind = limit || limitInSpecific ? SessionEvent.Kind.REJECTED : SessionEvent.Kind.FAILED;
          status = status(rpc, failures, limitInSpecific ? specific : "");
        }
      } else if (operation.equalsIgnoreCase("Disconnect")) {
        kind =
            rundown(specific)
                    || rundown(csv.field(cols.failures()))
                    || rundown(csv.field(cols.rpcStatus()))
                ? SessionEvent.Kind.RUNDOWN
                : SessionEvent.Kind.DISCONNECT;
      } else if (operation.equalsIgnoreCase("NetworkRundown")) {
        kind = SessionEvent.Kind.RUNDOWN;
      } else {
        kind = SessionEvent.Kind.ACTIVITY;
      }
      if (operation.isEmpty()) {
        operation = budgetSnapshot(specific);
      }
      String[] identity = identity(csv.field(cols.clientName()));
      context.emit(
          new SessionEvent(
              time,
              server,
              csv.field(cols.sessionId()),
              identity[0],
              identity[1],
              kind,
              emptyToNull(operation),
              emptyToNull(value(RcaAddresses.withoutPort(csv.field(cols.clientIp())))),
              emptyToNull(value(csv.field(cols.clientSoftware()))),
              emptyToNull(value(csv.field(cols.clientSoftwareVersion()))),
              emptyToNull(value(csv.field(cols.clientMode()))),
              isLogon(operation) ? cachedMailbox(specific) : null,
              ref,
              status));
    }

    /**
     * [user key, DN as logged], cached: deriving a key costs regex work and a log repeats few
     * identities.
     */
    private String[] identity(String clientName) {
      if (clientName.isBlank()) {
        return new String[2];
      }
      String[] cached = identities.get(clientName);
      if (cached == null) {
        if (identities.size() >= CACHE_LIMIT) {
          identities.clear();
        }
        cached =
            new String[] {
              emptyToNull(UserKeys.fromIdentity(clientName)), UserKeys.dnOf(clientName)
            };
        identities.put(clientName, cached);
      }
      return cached;
    }

    /** {@link #mailbox}, once per distinct text: a user's logons repeat the same words. */
    private String cachedMailbox(String specific) {
      String key = mailboxes.get(specific);
      if (key == null) {
        if (mailboxes.size() >= CACHE_LIMIT) {
          mailboxes.clear();
        }
        String found = mailbox(specific);
        key = found == null ? "" : found;
        mailboxes.put(specific, key);
      }
      return key.isEmpty() ? null : key;
    }

    /**
     * One shared instance per repeated value, so evidence held downstream does not repeat strings.
     */
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

  private static boolean startsWith(String line, String prefix) {
    return line.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /**
   * Whether rpc-status says success: empty, {@code 0}, {@code 0 (rpc::Success)}, {@code 0x0}.
   * Anything else is a code ({@code 1010 (rpc::LoginPerm)}, {@code 0x6BA (rpc::Exception)}) or a
   * name ({@code fault}).
   */
  static boolean succeeded(String rpcStatus) {
    int end = 0;
    int n = rpcStatus.length();
    while (end < n && rpcStatus.charAt(end) != ' ' && rpcStatus.charAt(end) != '(') {
      end++;
    }
    if (end == 0) {
      return n == 0;
    }
    int from = end > 2 && (rpcStatus.startsWith("0x") || rpcStatus.startsWith("0X")) ? 2 : 0;
    for (int i = from; i < end; i++) {
      if (rpcStatus.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /**
   * The connection was run down (the server reaped a dead connection): {@code NetworkRundown} and
   * the like.
   */
  static boolean rundown(String text) {
    int n = text.length();
    for (int i = 0; i + 7 <= n; i++) {
      if (text.regionMatches(true, i, "rundown", 0, 7)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a failed connect logged, for the event's status: rpc-status, then failures (stack traces
   * are long: whitespace collapsed, cut to {@value #STATUS_LENGTH} characters), then {@code extra}.
   */
  static String status(String rpcStatus, String failures, String extra) {
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {rpcStatus, failures, extra}) {
      String p = part.strip();
      if (!p.isEmpty()) {
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(p.replaceAll("\\s+", " "));
      }
      if (b.length() > STATUS_LENGTH) {
        break;
      }
    }
    if (b.length() > STATUS_LENGTH) {
      b.setLength(STATUS_LENGTH);
      b.append('\u2026');
    }
    return b.length() == 0 ? null : b.toString();
  }

  /**
   * Throttling rows carry a budget snapshot {@code Conn:7 MaxConn:40}; it becomes their operation.
   */
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
