package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
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
        assertThat(events).extracting(SessionEvent::kind)
                .containsExactly(Kind.CONNECT, Kind.ACTIVITY, Kind.ACTIVITY, Kind.REJECTED, Kind.DISCONNECT);
        SessionEvent connect = events.get(0);
        assertThat(connect.time()).isEqualTo(Instant.parse("2026-11-02T08:00:01.250Z"));
        assertThat(connect.server()).isEqualTo("EX01");
        assertThat(connect.sessionId()).isEqualTo("101");
        assertThat(connect.user()).isEqualTo("jdoe");
        assertThat(connect.dn()).isEqualTo("/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe");
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
        assertThat(mapiHttp.server()).as("no hint: server-ip").isEqualTo("::1");
        assertThat(mapiHttp.clientVersion()).isEqualTo("16.0.4266.1001");
        assertThat(events.get(1).kind()).isEqualTo(Kind.ACTIVITY);
        assertThat(events.get(1).operation()).isEqualTo("Throttling Conn:7 MaxConn:40");
        SessionEvent after = events.get(2);
        assertThat(after.sessionId()).isEqualTo("7");
        assertThat(after.user()).isEqualTo("asmith");
        assertThat(after.clientIp()).isEqualTo("fe80::1:2");
        assertThat(after.clientMode()).isEqualTo("Online");
        assertThat(after.server()).isEqualTo("10.1.1.5");
        assertThat(c.counted).as("the service row without session id").isEqualTo(1);
    }

    @Test
    void guessesTheLayoutOfRowsBeforeAnyHeaderAndJoinsQuotedLineBreaks() throws IOException {
        String text = "2026-11-02T08:00:01Z,9,0,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,15.0,Cached,10.0.0.1,10.0.0.2,"
                + "ncacn_ip_tcp,,Connect,,0,\"line one\nline two\",\n"
                + "2026-11-02T08:00:02Z,9,1,/o=C/cn=Recipients/cn=bob,,OUTLOOK.EXE,15.0,Cached,10.0.0.1,10.0.0.2,"
                + "ncacn_ip_tcp,,Disconnect,,0,,\n";
        Collecting c = Collecting.readText(reader, text, "RCA_cut.LOG");
        assertThat(c.errors).isEmpty();
        assertThat(events(c)).extracting(SessionEvent::kind).containsExactly(Kind.CONNECT, Kind.DISCONNECT);
        assertThat(events(c).get(1).ref().position()).isEqualTo(3);
    }

    @Test
    void detectsByHeaderNotByName() {
        byte[] log = "#Software: Microsoft Exchange Server\r\n#Log-type: RCA Protocol Logs\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.detect(Collecting.sniff(log, "whatever.txt"))).isTrue();
        assertThat(reader.detect(Collecting.sniff("date-time,session-id\n".getBytes(StandardCharsets.UTF_8), "RCA_1.LOG")))
                .isFalse();
    }
}
