package org.mapiscope.ingest.rca;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a folder of realistic Exchange 2013-style RCA logs for the ingestion benchmark
 * (bench/ingest/README.md): several servers, 10 MB files as Exchange rolls them, sessions that
 * connect, log on (owner and delegate), sometimes hit throttling, and disconnect, from a pool of
 * users and client addresses. Deterministic for a seed.
 *
 * <p>Usage: {@code RcaLogGenerator <dir> <total MB> [servers]}
 */
public final class RcaLogGenerator {

  private static final long FILE_BYTES = 10L << 20;
  private static final String FIELDS = String.join(",", RcaColumns.EXCHANGE_2013.subList(0, 23));
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String[] SOFTWARE = {
    "OUTLOOK.EXE", "OUTLOOK.EXE", "OUTLOOK.EXE", "MSExchangeRPC", "SearchProtocolHost.exe"
  };
  private static final String[] MODES = {"Cached", "Cached", "Classic", "ExchangeServer"};

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    long total = Long.parseLong(args[1]) << 20;
    int servers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    long perServer = total / servers;
    for (int s = 1; s <= servers; s++) {
      write(
          dir.resolve(String.format("EX%02d", s)).resolve("Logging").resolve("RPC Client Access"),
          perServer,
          s);
    }
  }

  private static void write(Path dir, long bytes, int server) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(server);
    long time = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    long written = 0;
    int file = 0;
    int session = 1000;
    while (written < bytes) {
      file++;
      Path path = dir.resolve("RCA_20261102-" + file + ".LOG");
      long fileBytes = 0;
      try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        String header =
            "#Software: Microsoft Exchange\r\n#Version: 15.01.2507.006\r\n"
                + "#Log-type: RCA Protocol Logs\r\n#Date: "
                + STAMP.format(Instant.ofEpochMilli(time))
                + "\r\n#Fields: "
                + FIELDS
                + "\r\n";
        out.write(header);
        fileBytes += header.length();
        StringBuilder row = new StringBuilder(600);
        while (fileBytes < FILE_BYTES && written + fileBytes < bytes) {
          int user = random.nextInt(5000);
          int ip = random.nextInt(250);
          String software = SOFTWARE[random.nextInt(SOFTWARE.length)];
          String mode = MODES[random.nextInt(MODES.length)];
          session++;
          for (int step = 0; step < 4; step++) {
            time += random.nextInt(40);
            row.setLength(0);
            String op =
                switch (step) {
                  case 0 -> "Connect";
                  case 1 -> random.nextInt(8) == 0 ? "DelegateLogon" : "OwnerLogon";
                  case 2 -> random.nextInt(20) == 0 ? "" : "Logoff";
                  default -> "Disconnect";
                };
            row.append(STAMP.format(Instant.ofEpochMilli(time)))
                .append(',')
                .append(session)
                .append(',')
                .append(step)
                .append(
                    ",/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
                        + "/cn=Recipients/cn=")
                .append(Integer.toHexString(user * 7919 + 0x10000000))
                .append("000000000000000000000000-user")
                .append(user)
                .append(",,")
                .append(software)
                .append(",16.0.")
                .append(4266 + user % 40)
                .append(".1001,")
                .append(mode)
                .append(",10.")
                .append(server)
                .append('.')
                .append(ip / 16)
                .append('.')
                .append(ip)
                .append(':')
                .append(50000 + random.nextInt(15000))
                .append(
                    ",\"Connection Info[GUID:074f8e3f-ab7e-4171-b212-c8f4f5b73a1b, Attempts:1,"
                        + " Flags:0, Ctx:]\",10.0.0.")
                .append(server)
                .append(",MapiHttp,,R:{E3840B23-6CE0" + "-4FE3-9F34-54A1167A9EEA}:")
                .append(step)
                .append(",C:MAPIAAAAAOaphMGZypjO,")
                .append(op)
                .append(',')
                .append(step == 0 && random.nextInt(50) == 0 ? "1010 (rpc::LoginPerm)" : "")
                .append(",00:00:00.0")
                .append(random.nextInt(999))
                .append(',');
            if (op.isEmpty()) {
              row.append("\"BS=Owner:Sid~CONTOSO\\USER")
                  .append(user)
                  .append("~Rca~false Conn:")
                  .append(random.nextInt(40))
                  .append(" MaxConn:40 MaxBurst:150000 Balance:149980.5\"");
            } else if (step == 1) {
              row.append(
                      "\"Logon: Owner, /o=Contoso/ou=Exchange Administrative Group"
                          + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=user")
                  .append(user)
                  .append(" in database DB0")
                  .append(user % 8)
                  .append('"');
            } else {
              row.append("\"SID=S-1-5-21-1-2-3-").append(1000 + user).append(", Flags=None\"");
            }
            row.append(",,,S:ActivityStandardMetadata.Component=RCA/Mailbox;S:WLM.BT=Rca,user")
                .append(user)
                .append("@contoso.com\r\n");
            out.append(row);
            fileBytes += row.length();
          }
        }
      }
      written += fileBytes;
    }
  }
}
