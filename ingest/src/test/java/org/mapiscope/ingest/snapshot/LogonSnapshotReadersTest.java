package org.mapiscope.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.ingest.FormatRegistry;
import org.mapiscope.model.LogonSnapshot;

class LogonSnapshotReadersTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final String US_EXPORT =
      """
      #TYPE Microsoft.Exchange.Data.Mapi.LogonStatistics
      "UserName","Windows2000Account","FullUserDirectoryName","FullMailboxDirectoryName","ClientIPAddress","ClientName","ClientVersion","ClientMode","LogonTime","LastAccessTime","ServerName"
      "Doe, John","CONTOSO\\jdoe","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe","10.1.1.77","LAPTOP-17","14.0.7172.5000","Cached","6/12/2026 9:14:03 AM","6/12/2026 1:05:00 PM","EX01"
      "BES Admin","CONTOSO\\besadmin","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=besadmin","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=asmith","10.1.2.9","BES01","6.5.7638.1","Classic","6/12/2026 8:00:00 AM","6/12/2026 2:30:10 PM",""
      "Broken","CONTOSO\\broken","","","10.1.1.1","X","1","Cached","13/45/2026 8:00:00 AM","",""
      """;

  @Test
  void readsGetLogonStatisticsWithUsDatesAndTakesTheNewestLastAccessAsCaptureTime()
      throws IOException {
    byte[] bytes = US_EXPORT.getBytes(StandardCharsets.US_ASCII);
    assertThat(
            FormatRegistry.standard()
                .detect(Collecting.sniff(bytes, "logons.csv"))
                .orElseThrow()
                .format())
        .isEqualTo("logon-statistics");
    Collecting c =
        Collecting.read(new LogonStatisticsReader(), bytes, "logons.csv", "HINT", BERLIN);
    List<LogonSnapshot> rows = c.of(LogonSnapshot.class);
    assertThat(rows)
        .extracting(LogonSnapshot::user, LogonSnapshot::mailbox, LogonSnapshot::server)
        .containsExactly(tuple("jdoe", "jdoe", "EX01"), tuple("besadmin", "asmith", "HINT"));
    LogonSnapshot first = rows.get(0);
    assertThat(first.logonTime()).isEqualTo(Instant.parse("2026-06-12T07:14:03Z"));
    assertThat(first.lastAccess()).isEqualTo(Instant.parse("2026-06-12T11:05:00Z"));
    assertThat(first.time()).isEqualTo(Instant.parse("2026-06-12T12:30:10Z"));
    assertThat(first.timeSource()).isEqualTo("newest LastAccessTime");
    assertThat(first.dn()).endsWith("/cn=jdoe");
    assertThat(first.clientIp()).isEqualTo("10.1.1.77");
    assertThat(first.clientName()).isEqualTo("LAPTOP-17");
    assertThat(first.clientMode()).isEqualTo("Cached");
    assertThat(first.ref().position()).isEqualTo(3);
    assertThat(c.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.where()).isEqualTo("logons.csv:5");
              assertThat(e.message()).contains("LogonTime", "13/45/2026");
            });
  }

  @Test
  void readsGermanDatesWithSemicolonsAndTakesTheCaptureTimeFromTheFileName() throws IOException {
    String text =
        """
        "UserName";"Windows2000Account";"FullUserDirectoryName";"ClientIPAddress";"LogonTime";"LastAccessTime"
        "Doe";"CONTOSO\\jdoe";"/o=C/cn=Recipients/cn=jdoe";"10.1.1.77";"03.11.2026 08:00:00";"02.11.2026 17:59:00"
        """;
    Collecting c =
        Collecting.read(
            new LogonStatisticsReader(),
            text.getBytes(StandardCharsets.UTF_8),
            "EX02/logons-20261103-0815.csv",
            null,
            BERLIN);
    LogonSnapshot row = c.of(LogonSnapshot.class).get(0);
    assertThat(row.logonTime()).isEqualTo(Instant.parse("2026-11-03T07:00:00Z"));
    assertThat(row.lastAccess()).isEqualTo(Instant.parse("2026-11-02T16:59:00Z"));
    assertThat(row.time()).isEqualTo(Instant.parse("2026-11-03T07:15:00Z"));
    assertThat(row.timeSource()).isEqualTo("file name");
  }

  @Test
  void prefersACaptureTimeColumn() throws IOException {
    String text =
        "UserName,FullUserDirectoryName,LogonTime,LastAccessTime,CaptureTime\n"
            + "Doe,/o=C/cn=Recipients/cn=jdoe,2026-11-02 08:00:00,2026-11-02"
            + " 09:00:00,2026-11-02T10:00:00Z\n";
    Collecting c =
        Collecting.read(
            new LogonStatisticsReader(),
            text.getBytes(StandardCharsets.UTF_8),
            "logons-20261103-0815.csv",
            null,
            BERLIN);
    LogonSnapshot row = c.of(LogonSnapshot.class).get(0);
    assertThat(row.time()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(row.timeSource()).isEqualTo("column CaptureTime");
    assertThat(row.logonTime()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
  }

  @Test
  void readsExchange2003WmiLogonsWithCimDates() throws IOException {
    String text =
        """
        #TYPE System.Management.ManagementObject#root\\MicrosoftExchangeV2\\Exchange_Logon
        "LoggedOnUserAccount","LoggedOnUsersMailboxLegacyDN","MailboxLegacyDN","ClientIP","ClientName","ClientVersion","ClientMode","LogonTime","LastOperationTime","ServerName"
        "CONTOSO\\jdoe","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe","10.1.1.77","PC17","11.0.8169.0","2","20261102080000.000000+060","20261102093000.000000+060","EX03"
        "CONTOSO\\svc","","/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=asmith","10.1.2.9","BES01","6.5.7638.1","1","20261102070000.000000+000","20261102071500.000000+000","EX03"
        """;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(
            FormatRegistry.standard()
                .detect(Collecting.sniff(bytes, "x.csv"))
                .orElseThrow()
                .format())
        .isEqualTo("exchange-logon");
    Collecting c = Collecting.read(new ExchangeLogonReader(), bytes, "x.csv", null, BERLIN);
    assertThat(c.errors).isEmpty();
    assertThat(c.of(LogonSnapshot.class))
        .extracting(
            LogonSnapshot::user,
            LogonSnapshot::mailbox,
            LogonSnapshot::clientMode,
            LogonSnapshot::lastAccess,
            LogonSnapshot::time,
            LogonSnapshot::server)
        .containsExactly(
            tuple(
                "jdoe",
                "jdoe",
                "Cached",
                Instant.parse("2026-11-02T08:30:00Z"),
                Instant.parse("2026-11-02T08:30:00Z"),
                "EX03"),
            tuple(
                "svc",
                "asmith",
                "Classic Online",
                Instant.parse("2026-11-02T07:15:00Z"),
                Instant.parse("2026-11-02T08:30:00Z"),
                "EX03"));
  }

  @Test
  void decidesDayOrMonthFirstFromTheWholeFile() {
    SnapshotDates dates = new SnapshotDates(ZoneId.of("UTC"));
    dates.observe("03/11/2026 08:00:00");
    dates.observe("25/10/2026 08:00:00");
    assertThat(dates.parse("03/11/2026 08:00:00")).isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
    SnapshotDates us = new SnapshotDates(ZoneId.of("UTC"));
    us.observe("3/11/2026 8:00:00 PM");
    assertThat(us.parse("3/11/2026 12:00:00 AM")).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(us.parse("3/11/2026 8:00:00 PM")).isEqualTo(Instant.parse("2026-03-11T20:00:00Z"));
  }

  @Test
  void readsCimAndOffsetTimesWithTheirOwnOffsetAndRefusesOtherText() {
    SnapshotDates dates = new SnapshotDates(ZoneId.of("Europe/Berlin"));
    assertThat(dates.parse("20261201081500.000000+060"))
        .isEqualTo(Instant.parse("2026-12-01T07:15:00Z"));
    assertThat(dates.parse("2026-12-01 08:15:00Z"))
        .isEqualTo(Instant.parse("2026-12-01T08:15:00Z"));
    assertThat(dates.parse("2026-12-01 08:15:00")).isEqualTo(Instant.parse("2026-12-01T07:15:00Z"));
    assertThat(dates.parse(" ")).isNull();
    assertThatThrownBy(() -> dates.parse("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'yesterday' is not a date");
  }
}
