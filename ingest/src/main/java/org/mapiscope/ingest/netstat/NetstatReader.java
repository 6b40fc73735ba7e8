package org.mapiscope.ingest.netstat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.regex.Pattern;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.FileNameTimes;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.TextDecoding;
import org.mapiscope.model.Connection;
import org.mapiscope.model.EvidenceRef;

/**
 * Reads Windows {@code netstat -ano} captures (also {@code -an} without PIDs and {@code -b} with
 * process lines). Headers are localized, so rows are read by position: protocol, local address,
 * foreign address, state (TCP only), PID. Text redirected from cmd is in the OEM code page (850),
 * from Windows PowerShell UTF-16LE. The capture time comes from the file name when it has one.
 * Stateless and thread-safe.
 */
public final class NetstatReader implements FormatReader {

  public static final String FORMAT = "netstat";

  private static final Pattern ROW =
      Pattern.compile(
          "(?m)^\\s*(?:TCP|UDP)\\s+(?:\\[[0-9A-Fa-f:.%]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+\\s+\\S+");
  private static final Charset OEM = Charset.forName("IBM850");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean detect(Sniff sniff) {
    return ROW.matcher(sniff.text()).find();
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    String file = input.displayPath();
    Instant time = FileNameTimes.find(file, context.timezone()).orElse(null);
    try (BoundedLineReader reader =
        new BoundedLineReader(reader(input.open()), BoundedLineReader.reportingTo(context, file))) {
      String line;
      while ((line = reader.readLine()) != null) {
        long n = reader.lineNumber();
        String[] t = line.strip().split("\\s+");
        boolean tcp = t[0].equalsIgnoreCase("TCP");
        if (!tcp && !t[0].equalsIgnoreCase("UDP")) {
          continue; // titles, localized headers, -b process lines
        }
        EvidenceRef ref = EvidenceRef.line(file, n);
        try {
          context.emit(row(t, tcp, time, input.serverHint(), ref));
        } catch (IllegalArgumentException e) {
          context.skip(ref, e.getMessage());
        }
      }
    }
  }

  private static Connection row(
      String[] t, boolean tcp, Instant time, String server, EvidenceRef ref) {
    int minimum = tcp ? 4 : 3;
    if (t.length < minimum) {
      throw new IllegalArgumentException(
          "a " + t[0] + " row needs " + minimum + " columns, this one has " + t.length);
    }
    Endpoint local = Endpoint.parse(t[1]);
    Endpoint remote = Endpoint.parse(t[2]);
    Integer pid = null;
    int last = t.length;
    if (t.length > minimum && isNumber(t[t.length - 1])) {
      pid = Integer.valueOf(t[t.length - 1]);
      last--;
    }
    String state =
        tcp ? States.english(String.join(" ", java.util.Arrays.copyOfRange(t, 3, last))) : "";
    if (tcp && state.isEmpty()) {
      throw new IllegalArgumentException("a TCP row without a state");
    }
    return new Connection(
        time, server, local.host(), local.port(), remote.host(), remote.port(), state, pid, ref);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  /** TextDecoding's reader, except that 8-bit text without a BOM is OEM, as cmd writes it. */
  private static Reader reader(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4096);
    byte[] head = in.readNBytes(4096);
    in.reset();
    TextDecoding.Detected detected = TextDecoding.detect(head, head.length);
    if (!detected.charset().name().equals("windows-1252")) {
      return TextDecoding.decoded(in);
    }
    return new InputStreamReader(
        in,
        OEM.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /**
   * An address and port as netstat prints them: {@code 10.1.1.5:1063}, {@code [fe80::1%4]:135},
   * {@code *:*}.
   */
  record Endpoint(String host, int port) {
    static Endpoint parse(String s) {
      int colon = s.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("'" + s + "' is not an address:port");
      }
      String host = s.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      String port = s.substring(colon + 1);
      if (port.equals("*")) {
        return new Endpoint(host, 0);
      }
      try {
        int p = Integer.parseInt(port);
        if (p < 0 || p > 65535) {
          throw new NumberFormatException();
        }
        return new Endpoint(host, p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "port '" + port + "' of '" + s + "' is not a number from 0 to 65535");
      }
    }
  }
}
