package org.mapiscope.ingest.netstat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.ingest.FormatRegistry;
import org.mapiscope.model.Connection;

class NetstatReaderTest {

  private final NetstatReader reader = new NetstatReader();

  @Test
  void readsEnglishNetstatAnoWithIpv6UdpAndProcessLines() throws IOException {
    String text =
        """

        Active Connections

          Proto  Local Address          Foreign Address        State           PID
          TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884
          TCP    10.1.1.5:1063          10.1.1.77:3214         ESTABLISHED     2412
         [store.exe]
          TCP    10.1.1.5:1063          10.1.1.78:4201         CLOSE_WAIT      2412
          TCP    [fe80::1%4]:135        [fe80::2%4]:50123      FIN_WAIT1       884
          UDP    0.0.0.0:123            *:*                                    1020
          TCP    10.1.1.5:99999         10.1.1.79:1            ESTABLISHED     2412
        """;
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(
            FormatRegistry.standard()
                .detect(Collecting.sniff(bytes, "n.txt"))
                .orElseThrow()
                .format())
        .isEqualTo("netstat");
    Collecting c =
        Collecting.read(reader, bytes, "EX01_netstat_20261102-0815.txt", "EX01", ZoneId.of("UTC"));
    assertThat(c.of(Connection.class))
        .extracting(
            Connection::localAddress,
            Connection::localPort,
            Connection::remoteIp,
            Connection::remotePort,
            Connection::state,
            Connection::pid)
        .containsExactly(
            tuple("0.0.0.0", 135, "0.0.0.0", 0, "LISTENING", 884),
            tuple("10.1.1.5", 1063, "10.1.1.77", 3214, "ESTABLISHED", 2412),
            tuple("10.1.1.5", 1063, "10.1.1.78", 4201, "CLOSE_WAIT", 2412),
            tuple("fe80::1%4", 135, "fe80::2%4", 50123, "FIN_WAIT_1", 884),
            tuple("0.0.0.0", 123, "*", 0, "", 1020));
    Connection first = c.of(Connection.class).get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-02T08:15:00Z"));
    assertThat(first.server()).isEqualTo("EX01");
    assertThat(c.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.where()).isEqualTo("EX01_netstat_20261102-0815.txt:11");
              assertThat(e.message()).contains("99999");
            });
  }

  @Test
  void readsGermanOemOutputWithoutPidsPositionally() throws IOException {
    String text =
        "\r\n"
            + "Aktive Verbindungen\r\n\r\n"
            + "  Proto  Lokale Adresse         Remoteadresse          Status\r\n"
            + "  TCP    10.1.1.5:135           10.1.1.77:50000        ABHÖREN\r\n"
            + "  TCP    10.1.1.5:6001          10.1.1.77:50001        HERGESTELLT\r\n";
    byte[] oem = text.getBytes(Charset.forName("IBM850"));
    Collecting c = Collecting.read(reader, oem, "netstat.txt", null, ZoneId.of("UTC"));
    assertThat(c.of(Connection.class))
        .extracting(Connection::state, Connection::pid, Connection::time)
        .containsExactly(tuple("LISTENING", null, null), tuple("ESTABLISHED", null, null));
  }

  @Test
  void readsUtf16FromPowerShellRedirection() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(
        "  TCP    10.1.1.5:6001    10.1.1.80:1234    ESTABLISHED    4242\r\n"
            .getBytes(StandardCharsets.UTF_16LE));
    Collecting c = Collecting.read(reader, out.toByteArray(), "n.txt", null, ZoneId.of("UTC"));
    assertThat(c.of(Connection.class))
        .extracting(Connection::remoteIp, Connection::pid)
        .containsExactly(tuple("10.1.1.80", 4242));
  }
}
