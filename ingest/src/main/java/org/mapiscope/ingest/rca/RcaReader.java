package org.mapiscope.ingest.rca;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mapiscope.ingest.ByteLines;
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
 * mapping of operations to kinds. Thread-safe: each reading thread keeps caches of its own.
 */
public final class RcaReader implements FormatReader {

  public static final String FORMAT = "rca";

  /** A record whose quoted field spans lines is joined up to this many lines. */
  private static final int MAX_CONTINUATION_LINES = 16;

  /** What joins the lines of such a record. */
  private static final byte[] NEWLINE = {'\n'};

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

  /**
   * Each reading thread's caches of derived values, kept from file to file: a server's files repeat
   * the same users, and each would otherwise derive them again. Thread-confined, so the reader
   * stays thread-safe; what a value means depends on the charset, so a file in another one starts
   * anew.
   */
  private final ThreadLocal<FieldCaches> caches =
      ThreadLocal.withInitial(() -> new FieldCaches(StandardCharsets.UTF_8));

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    try (ByteLines lines = TextDecoding.byteLines(input.open(), context, input.displayPath())) {
      FieldCaches cache = caches.get();
      if (!cache.charset().equals(lines.charset())) {
        cache = new FieldCaches(lines.charset());
        caches.set(cache);
      }
      new Run(input, context, lines.charset(), cache).read(lines);
    }
  }

  /** The state of reading one file. */
  private static final class Run {

    private final String file;
    private final String server;
    private final ReadContext context;
    private final CsvLine csv;
    private final IsoTime times = new IsoTime();
    private final FieldCaches cache;

    /** A record whose quoted field spans lines, joined with {@code \n}. */
    private byte[] joined = new byte[256];

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

    Run(InputFile input, ReadContext context, Charset charset, FieldCaches cache) {
      this.file = input.displayPath();
      // Rows never name the server: server-ip is empty on all but Connect rows (record-scoped), so
      // a session's rows would split across servers. The file's place says it, or nothing does.
      this.server = input.serverHint();
      this.context = context;
      this.csv = new CsvLine(charset);
      this.cache = cache;
    }

    void read(ByteLines reader) throws IOException {
      while (reader.next()) {
        long lineNo = reader.lineNumber();
        byte[] bytes = reader.array();
        int offset = reader.offset();
        int length = reader.length();
        if (length == 0) {
          continue;
        }
        if (bytes[offset] == '#') {
          header(reader.text(), lineNo);
          continue;
        }
        rowsSinceHeader = true;
        csv.split(bytes, offset, length);
        if (csv.unterminated()) {
          joinContinuations(reader, bytes, offset, length);
        }
        row(EvidenceRef.line(file, lineNo));
      }
      if (restartAt != null && restartDate != null) {
        restart(restartDate); // a restart with nothing logged after it
      }
    }

    /** Joins the lines a quoted field spans, up to {@value #MAX_CONTINUATION_LINES} more. */
    private void joinContinuations(ByteLines reader, byte[] bytes, int offset, int length)
        throws IOException {
      int size = append(0, bytes, offset, length);
      for (int extra = 0;
          csv.unterminated() && extra < MAX_CONTINUATION_LINES && size < reader.maxLineBytes();
          extra++) {
        if (!reader.next()) {
          break;
        }
        size = append(size, NEWLINE, 0, 1);
        size = append(size, reader.array(), reader.offset(), reader.length());
        csv.split(joined, 0, size);
      }
    }

    private int append(int size, byte[] bytes, int offset, int length) {
      if (size + length > joined.length) {
        joined = Arrays.copyOf(joined, Math.max(size + length, 2 * joined.length));
      }
      System.arraycopy(bytes, offset, joined, size, length);
      return size + length;
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
      if (csv.isEmpty(cols.sessionId())) {
        if (restartAt != null) {
          Instant time = time(cols.dateTime());
          if (time != null) {
            restart(time);
          }
        }
        context.count(); // service rows (throttling summaries, warnings) belong to no session
        return;
      }
      Instant time = time(cols.dateTime());
      if (time == null) {
        context.skip(ref, "date-time '" + csv.field(cols.dateTime()) + "' is not an ISO-8601 time");
        return;
      }
      if (restartAt != null) {
        restart(time);
      }
      String operation = csv.cached(cols.operation(), cache.operations);
      SessionEvent.Kind kind;
      String status = null;
      if (operation.equalsIgnoreCase("Connect")) {
        String rpc = csv.field(cols.rpcStatus()).strip();
        String failures = csv.field(cols.failures()).strip();
        if (succeeded(rpc) && failures.isEmpty()) {
          kind = SessionEvent.Kind.CONNECT;
        } else {
          String specific = csv.field(cols.operationSpecific());
          boolean limit = LimitTokens.namesLimit(rpc) || LimitTokens.namesLimit(failures);
          boolean limitInSpecific = !limit && LimitTokens.namesLimit(specific);
          kind = limit || limitInSpecific ? SessionEvent.Kind.REJECTED : SessionEvent.Kind.FAILED;
          status = status(rpc, failures, limitInSpecific ? specific : "");
        }
      } else if (operation.equalsIgnoreCase("Disconnect")) {
        kind =
            rundown(csv.field(cols.operationSpecific()))
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
        operation = budgetSnapshot(csv.field(cols.operationSpecific()));
      }
      String[] identity = csv.cached(cols.clientName(), cache.identities);
      context.emit(
          new SessionEvent(
              time,
              server,
              csv.cached(cols.sessionId(), cache.sessionIds),
              identity[0],
              identity[1],
              kind,
              emptyToNull(operation),
              RcaAddresses.withoutPort(csv, cols.clientIp(), cache.addresses),
              csv.cached(cols.clientSoftware(), cache.softwares),
              csv.cached(cols.clientSoftwareVersion(), cache.versions),
              csv.cached(cols.clientMode(), cache.modes),
              isLogon(operation) ? csv.cached(cols.operationSpecific(), cache.mailboxes) : null,
              ref,
              status));
    }

    private Instant time(int column) {
      return csv.quoted(column)
          ? times.parse(csv.field(column))
          : times.parse(csv.bytes(), csv.start(column), csv.end(column));
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

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
