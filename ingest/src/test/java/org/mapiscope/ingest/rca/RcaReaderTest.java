package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.SessionEvent.Kind;

class RcaReaderTest {

  private final RcaReader reader = new RcaReader();

  private List<SessionEvent> events(Collecting c) {
    return c.of(SessionEvent.class);
  }

  @Test
  void readsAnExchange2010LogByItsFieldsHeader() throws IOException {
    Collecting c = Collecting.read(reader, "/rca/RCA_20261102-1.LOG", "EX01", ZoneId.of("UTC"));
    List<SessionEvent> events = events(c);
    assertThat(events)
        .extracting(SessionEvent::kind)
        .containsExactly(
            Kind.CONNECT, Kind.ACTIVITY, Kind.ACTIVITY, Kind.REJECTED, Kind.DISCONNECT);
    SessionEvent connect = events.get(0);
    assertThat(connect.time()).isEqualTo(Instant.parse("2026-11-02T08:00:01.250Z"));
    assertThat(connect.server()).isEqualTo("EX01");
    assertThat(connect.sessionId()).isEqualTo("101");
    assertThat(connect.user()).isEqualTo("jdoe");
    assertThat(connect.dn())
        .isEqualTo(
            "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe");
    assertThat(connect.clientIp()).isEqualTo("10.1.1.77");
    assertThat(connect.clientSoftware()).isEqualTo("OUTLOOK.EXE");
    assertThat(connect.clientVersion()).isEqualTo("14.0.7172.5000");
    assertThat(connect.clientMode()).isEqualTo("Cached");
    assertThat(connect.operation()).isEqualTo("Connect");
    assertThat(connect.ref().toString()).isEqualTo("RCA_20261102-1.LOG line 6");
    assertThat(events.get(1).mailbox()).isEqualTo("jdoe");
    assertThat(events.get(2).operation()).isEqualTo("DelegateLogon");
    assertThat(events.get(2).user()).isEqualTo("besadmin");
    assertThat(events.get(2).mailbox()).isEqualTo("asmith");
    assertThat(events.get(3).clientIp()).isEqualTo("10.1.1.78");
  }

  @Test
  void skipsBrokenRowsWithLineAndReason() throws IOException {
    Collecting c = Collecting.read(reader, "/rca/RCA_20261102-1.LOG", "EX01", ZoneId.of("UTC"));
    assertThat(c.errors).hasSize(2);
    assertThat(c.errors.get(0).where()).isEqualTo("RCA_20261102-1.LOG:10");
    assertThat(c.errors.get(0).message()).contains("not-a-time");
    assertThat(c.errors.get(1).where()).isEqualTo("RCA_20261102-1.LOG:11");
    assertThat(c.errors.get(1).message()).contains("has 6 fields", "names 17");
  }

  @Test
  void remapsColumnsWhenANewHeaderAppearsMidFile() throws IOException {
    Collecting c = Collecting.read(reader, "/rca/RCA_2026110209-1.LOG", null, ZoneId.of("UTC"));
    assertThat(c.errors).isEmpty();
    List<SessionEvent> events = events(c);
    assertThat(events).hasSize(3);
    SessionEvent mapiHttp = events.get(0);
    assertThat(mapiHttp.user()).isEqualTo("jdoe");
    assertThat(mapiHttp.kind()).isEqualTo(Kind.CONNECT);
    assertThat(mapiHttp.server()).as("no hint: no server, never server-ip").isNull();
    assertThat(mapiHttp.clientVersion()).isEqualTo("16.0.4266.1001");
    assertThat(events.get(1).kind()).isEqualTo(Kind.ACTIVITY);
    assertThat(events.get(1).operation()).isEqualTo("Throttling Conn:7 MaxConn:40");
    SessionEvent after = events.get(2);
    assertThat(after.sessionId()).isEqualTo("7");
    assertThat(after.user()).isEqualTo("asmith");
    assertThat(after.clientIp()).isEqualTo("fe80::1:2");
    assertThat(after.clientMode()).isEqualTo("Online");
    assertThat(after.server()).isNull();
    assertThat(c.counted).as("the service row without session id").isEqualTo(1);
    assertThat(c.of(ServiceRestart.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.time()).isEqualTo(Instant.parse("2026-11-02T09:30:00Z"));
              assertThat(r.ref().position()).isEqualTo(8);
            });
  }

  @Test
  void guessesTheLayoutOfRowsBeforeAnyHeaderAndJoinsQuotedLineBreaks() throws IOException {
    String text =
        "2026-11-02T08:00:01Z,9,0,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,15.0,Cached,10.0.0.1,10.0.0.2,ncacn_ip_tcp,,Connect,,0,\"line"
            + " one\n"
            + "line two\",\n"
            + "2026-11-02T08:00:02Z,9,1,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,15.0,Cached,10.0.0.1,10.0.0.2,ncacn_ip_tcp,,Disconnect,,0,,\n";
    Collecting c = Collecting.readText(reader, text, "RCA_cut.LOG");
    assertThat(c.errors).isEmpty();
    assertThat(events(c))
        .extracting(SessionEvent::kind)
        .containsExactly(Kind.CONNECT, Kind.DISCONNECT);
    assertThat(events(c).get(1).ref().position()).isEqualTo(3);
  }

  @Test
  void detectsByHeaderNotByName() {
    byte[] log =
        "#Software: Microsoft Exchange Server\r\n#Log-type: RCA Protocol Logs\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(reader.detect(Collecting.sniff(log, "whatever.txt"))).isTrue();
    assertThat(
            reader.detect(
                Collecting.sniff(
                    "date-time,session-id\n".getBytes(StandardCharsets.UTF_8), "RCA_1.LOG")))
        .isFalse();
  }

  // Exchange 2010 rows as Exchange writes them: addresses on Connect rows only, failures of several
  // kinds, a connection run down, and a service restart inside the file (RCA_20261103-1.LOG).

  @Test
  void takesTheServerFromTheFileOnlyAndLeavesRecordScopedAddressesEmpty() throws IOException {
    List<SessionEvent> hinted =
        events(Collecting.read(reader, "/rca/RCA_20261103-1.LOG", "EX01", ZoneId.of("UTC")));
    assertThat(hinted).extracting(SessionEvent::server).containsOnly("EX01");
    SessionEvent connect = hinted.get(0);
    SessionEvent logon = hinted.get(1);
    assertThat(connect.clientIp()).isEqualTo("10.1.1.77");
    assertThat(logon.operation()).isEqualTo("OwnerLogon");
    assertThat(logon.clientIp()).as("record-scoped: empty on the logon row").isNull();
    assertThat(logon.clientSoftware()).as("session-scoped: repeated").isEqualTo("OUTLOOK.EXE");
    assertThat(logon.mailbox()).isEqualTo("jdoe");

    // Without a folder naming the server, Connect (server-ip 10.1.1.5) and Disconnect (empty)
    // agree.
    List<SessionEvent> unhinted =
        events(Collecting.read(reader, "/rca/RCA_20261103-1.LOG", null, ZoneId.of("UTC")));
    assertThat(unhinted).extracting(SessionEvent::server).containsOnlyNulls();
  }

  @Test
  void tellsConnectsRefusedByTheLimitFromOtherFailuresAndRundownsFromDisconnects()
      throws IOException {
    Collecting c = Collecting.read(reader, "/rca/RCA_20261103-1.LOG", "EX01", ZoneId.of("UTC"));
    assertThat(c.errors).isEmpty();
    List<SessionEvent> events = events(c);
    assertThat(events)
        .extracting(SessionEvent::sessionId, SessionEvent::kind)
        .containsExactly(
            tuple("201", Kind.CONNECT),
            tuple("201", Kind.ACTIVITY),
            tuple("202", Kind.FAILED),
            tuple("203", Kind.REJECTED),
            tuple("204", Kind.FAILED),
            tuple("205", Kind.CONNECT),
            tuple("201", Kind.RUNDOWN),
            tuple("205", Kind.RUNDOWN),
            tuple("1", Kind.CONNECT),
            tuple("1", Kind.DISCONNECT));
    assertThat(events.get(2).status())
        .isEqualTo(
            "1010 (rpc::LoginPerm); RpcDispatch: [LoginPermException] LoginPermException:"
                + " (StoreError=LoginPerm)");
    assertThat(events.get(3).status())
        .startsWith("1246 (rpc::SessionLimit); MapiExceptionSessionLimit:");
    assertThat(events.get(4).status()).isEqualTo("0x6BA (rpc::Exception)");
    assertThat(events)
        .filteredOn(e -> e.kind() != Kind.FAILED && e.kind() != Kind.REJECTED)
        .extracting(SessionEvent::status)
        .containsOnlyNulls();
    assertThat(events.get(7).operation()).isEqualTo("NetworkRundown");
  }

  @Test
  void aHeaderAfterRowsIsAServiceRestartTimedByItsDate() throws IOException {
    Collecting c = Collecting.read(reader, "/rca/RCA_20261103-1.LOG", "EX01", ZoneId.of("UTC"));
    List<ServiceRestart> restarts = c.of(ServiceRestart.class);
    assertThat(restarts)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.time()).isEqualTo(Instant.parse("2026-11-03T11:00:00.500Z"));
              assertThat(r.server()).isEqualTo("EX01");
              assertThat(r.ref().toString()).isEqualTo("RCA_20261103-1.LOG line 14");
            });
    // Emitted just before the first row after the new header, so evidence stays in time order.
    int at = c.evidence.indexOf(restarts.get(0));
    assertThat(((SessionEvent) c.evidence.get(at - 1)).kind()).isEqualTo(Kind.RUNDOWN);
    assertThat(((SessionEvent) c.evidence.get(at + 1)).ref().position()).isEqualTo(19);
  }

  @Test
  void aRestartHeaderWithoutDateTakesTheTimeOfTheNextRowAndTheFirstHeaderIsNoRestart()
      throws IOException {
    String header =
        "#Software: Microsoft Exchange Server\n"
            + "#Version: 14.0.0.0\n"
            + "#Log-type: RCA Protocol Logs\n"
            + "#Fields:"
            + " date-time,session-id,seq-number,client-name,organization-info,client-software,client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,processing-time,operation-specific,failures\n";
    String text =
        header
            + "2026-11-02T08:00:01Z,9,0,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,14.0,Cached,10.0.0.1,10.0.0.2,ncacn_ip_tcp,,Connect,0,0,,\n"
            + header
            + "broken row\n"
            + "2026-11-02T08:30:00Z,,,,,,,,,10.0.0.2,,,,,,Lowest Budget Balance: 100,\n"
            + "2026-11-02T08:30:01Z,1,0,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,14.0,Cached,10.0.0.1,10.0.0.2,ncacn_ip_tcp,,Connect,0,0,,\n"
            + "#Software: Microsoft Exchange Server\n"
            + "#Date: 2026-11-02T09:00:00Z\n";
    Collecting c = Collecting.readText(reader, text, "RCA_cut.LOG");
    assertThat(c.of(ServiceRestart.class))
        .extracting(ServiceRestart::time, r -> r.ref().position())
        .containsExactly(
            tuple(Instant.parse("2026-11-02T08:30:00Z"), 6L),
            tuple(Instant.parse("2026-11-02T09:00:00Z"), 13L));
    assertThat(c.evidence)
        .extracting(Evidence::getClass)
        .containsExactly(
            SessionEvent.class, ServiceRestart.class, SessionEvent.class, ServiceRestart.class);
  }

  @Test
  void readsA2013LogWithMapiHttpRowsAndTheVerbatimLoginPermFailure() throws IOException {
    Collecting c =
        Collecting.read(reader, "/rca/RCA_2017010212-1.LOG", "CO-EXSRV4", ZoneId.of("UTC"));
    assertThat(c.errors).isEmpty();
    assertThat(c.of(ServiceRestart.class)).isEmpty();
    List<SessionEvent> events = events(c);
    assertThat(events)
        .extracting(SessionEvent::sessionId, SessionEvent::kind, SessionEvent::user)
        .containsExactly(
            tuple("45358", Kind.CONNECT, "jdoe"), tuple("45358", Kind.ACTIVITY, "jdoe"),
            tuple("45360", Kind.FAILED, "user name"), tuple("45361", Kind.CONNECT, "asmith"),
            tuple("45358", Kind.DISCONNECT, "jdoe"), tuple("45361", Kind.RUNDOWN, "asmith"));
    SessionEvent loginPerm = events.get(2);
    // learn.microsoft.com answers 303395 (docs/ingest.md): a permission failure, not a
    // session-limit
    // refusal.
    assertThat(loginPerm.status())
        .startsWith("1010 (rpc::LoginPerm); RpcDispatch: [LoginPermException]");
    assertThat(loginPerm.clientIp()).isEqualTo("172.22.26.44");
    assertThat(loginPerm.clientVersion()).isEqualTo("14.0.7172.5000");
    assertThat(loginPerm.server())
        .as("server-ip ::1 is the front end's proxy")
        .isEqualTo("CO-EXSRV4");
    assertThat(events.get(0).clientIp()).isEqualTo("172.22.26.50");
    assertThat(events.get(1).clientIp()).isNull();
    assertThat(events.get(1).mailbox()).isEqualTo("jdoe");
    assertThat(events.get(3).clientIp()).isEqualTo("10.20.30.40");
  }

  @Test
  void readsA24FieldLogWithoutHeaderByItsFieldCount() throws IOException {
    String row =
        "2026-11-02T08:00:01Z,9,0,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,16.0,Cached,10.0.0.1,,::1,MapiHttp,,,,Connect,1010"
            + " (rpc::LoginPerm),00:00:00.0150000,,,,,bob@c.com,\n";
    List<SessionEvent> events = events(Collecting.readText(reader, row, "RCA_2026110208-1.LOG"));
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.FAILED);
              assertThat(e.status()).isEqualTo("1010 (rpc::LoginPerm)");
            });
  }

  @Test
  void limitTokensNameTheLimitAndNothingElse() {
    assertThat(
            List.of(
                "MapiExceptionSessionLimit: Unable to open message store. (hr=0x80004005, ec=1246)",
                "the session limit was reached",
                "ecMaxObjsExceeded",
                "TooManySessions",
                "Too many sessions",
                "Connection Limit Exceeded",
                "RCAMaxConcurrency",
                "exceeded the maximum of 32 objects of type \"session\"",
                "Microsoft.Exchange.Data.Storage.TooManyObjectsOpenedException"))
        .allSatisfy(t -> assertThat(LimitTokens.namesLimit(t)).as(t).isTrue());
    assertThat(
            List.of(
                "1010 (rpc::LoginPerm)",
                "LoginFailure",
                "0x6BA (rpc::Exception)",
                "RpcDispatch: [LoginPermException] ... (StoreError=LoginPerm)",
                "Access is denied",
                "The RPC server is unavailable",
                "SID=S-1-5-21-1-2-3-1105, Flags=None",
                ""))
        .allSatisfy(t -> assertThat(LimitTokens.namesLimit(t)).as(t).isFalse());
  }

  @Test
  void successStatusesAndStatusText() {
    assertThat(List.of("", "0", "0 (rpc::Success)", "0x0", "0x00000000"))
        .allSatisfy(s -> assertThat(RcaReader.succeeded(s)).as(s).isTrue());
    assertThat(List.of("1010 (rpc::LoginPerm)", "0x6BA (rpc::Exception)", "fault", "0x6BA", "10"))
        .allSatisfy(s -> assertThat(RcaReader.succeeded(s)).as(s).isFalse());
    String status =
        RcaReader.status("0x6BA (rpc::Exception)", "at A.b()\r\n   at C.d()" + "x".repeat(500), "");
    assertThat(status)
        .startsWith("0x6BA (rpc::Exception); at A.b() at C.d()xx")
        .hasSize(201)
        .endsWith("\u2026");
  }
}
