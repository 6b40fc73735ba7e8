package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real files: counts and values checked against evtxexport / python-evtx and by hand. */
class SampleFilesTest {

  @ParameterizedTest
  @CsvSource({
    // counts agree with evtxexport except where noted
    "Application_no_crc32.evtx, 17",
    "MSExchange_Management_wec.evtx, 1", // evtxexport reads none; one record in the chunk (header:
    // 1..1)
    "Security_short_selected.evtx, 7",
    "dns_log_malformed.evtx, 5",
    "sample_with_a_bad_chunk_magic.evtx, 300", // evtxexport 267; 33 more from chunks with a wiped
    // header
    "security_bad_string_cache.evtx, 2261",
    "sysmon.evtx, 358",
    "system.evtx, 1881",
  })
  void everySampleParsesWithTheExpectedRecordCount(String name, int expected) throws IOException {
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = new ArrayList<>();
    try (EvtxParser reader =
        EvtxParser.open(Samples.file(name), (o, m) -> damage.add(new Samples.Report(o, m)))) {
      reader.forEach(records::add);
    }
    assertThat(records).hasSize(expected);
    assertThat(records)
        .allSatisfy(
            r -> {
              assertThat(r.timeCreated()).isNotNull();
              assertThat(r.provider()).isNotBlank();
            });
  }

  @Test
  void classicEventKeepsEveryUnnamedDataInOrder() {
    EventRecord first = Samples.read(Samples.bytes("system.evtx"), new ArrayList<>()).get(0);
    assertThat(first.recordId()).isEqualTo(1);
    assertThat(first.provider()).isEqualTo("EventLog");
    assertThat(first.eventId()).isEqualTo(6009);
    assertThat(first.qualifiers()).isEqualTo(32768);
    assertThat(first.level()).isEqualTo(4);
    assertThat(first.task()).isEqualTo(0);
    assertThat(first.keywords()).isEqualTo(0x0080000000000000L);
    assertThat(first.channel()).isEqualTo("System");
    assertThat(first.computer()).isEqualTo("WIN-P4SIAA0SQCO");
    assertThat(first.timeCreated()).isEqualTo(Instant.parse("2017-07-12T17:16:28.2141616Z"));
    assertThat(first.data())
        .extracting(DataItem::name, DataItem::value)
        .containsExactly(
            tuple(null, "10.00."),
            tuple(null, "15063"),
            tuple(null, ""),
            tuple(null, "Multiprocessor Free"),
            tuple(null, "0"));
  }

  @Test
  void classicBinaryDataIsNamedBinary() {
    EventRecord second = Samples.read(Samples.bytes("system.evtx"), new ArrayList<>()).get(1);
    assertThat(second.data()).hasSize(1);
    assertThat(second.data().get(0).name()).isEqualTo("Binary");
    assertThat((byte[]) second.data().get(0).value())
        .hasSize(24)
        .startsWith((byte) 0xE1, (byte) 0x07);
  }

  @Test
  void manifestEventHasTypedNamedData() {
    EventRecord third = Samples.read(Samples.bytes("system.evtx"), new ArrayList<>()).get(2);
    assertThat(third.provider()).isEqualTo("Microsoft-Windows-Kernel-General");
    assertThat(third.qualifiers()).isNull();
    assertThat(third.userSid()).isEqualTo("S-1-5-18");
    assertThat(third.data())
        .extracting(DataItem::name)
        .startsWith("MajorVersion", "MinorVersion", "BuildVersion");
    assertThat(third.data().get(2).value()).isEqualTo(15063L);
    assertThat(third.data().get(6).value())
        .isEqualTo(Instant.parse("2017-07-12T17:16:05.4992599Z"));
  }

  @Test
  void forwardedExchangeEventWithoutTemplatesIsFullyRendered() {
    List<EventRecord> records =
        Samples.read(Samples.bytes("MSExchange_Management_wec.evtx"), new ArrayList<>());
    EventRecord r = records.get(0);
    assertThat(r.provider()).isEqualTo("MSExchange CmdletLogs");
    assertThat(r.eventId()).isEqualTo(1);
    assertThat(r.qualifiers()).isEqualTo(16384);
    assertThat(r.level()).isEqualTo(4);
    assertThat(r.task()).isEqualTo(1);
    assertThat(r.keywords()).isEqualTo(0x80000000000000L);
    assertThat(r.channel()).isEqualTo("MSExchange Management");
    assertThat(r.computer()).isEqualTo("WEC.ave.local");
    assertThat(r.timeCreated()).isEqualTo(Instant.parse("2021-11-19T16:52:33.8337335Z"));
    assertThat(r.data()).hasSize(27).allSatisfy(d -> assertThat(d.name()).isNull());
    assertThat(r.data().get(0).value()).isEqualTo("Set-Mailbox");
    assertThat((String) r.data().get(1).value())
        .contains("-ForwardingSmtpAddress \"smtp:test2@example.com\"");
    assertThat(r.data().get(26).value()).isEqualTo("fr-FR");
  }

  @Test
  void noCrcFlagMeansNoChecksumComplaints() {
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = Samples.read(Samples.bytes("Application_no_crc32.evtx"), damage);
    assertThat(damage).isEmpty();
    assertThat(records.get(0).recordId()).isEqualTo(426);
    assertThat(records.get(0).timeCreated())
        .isEqualTo(Instant.parse("2021-03-31T23:51:45.0187674Z"));
  }

  @Test
  void badChunkSignatureIsReportedAndItsRecordsRecovered() {
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records =
        Samples.read(Samples.bytes("sample_with_a_bad_chunk_magic.evtx"), damage);
    assertThat(damage).extracting(Samples.Report::offset).contains(0x61000L, 0xA1000L);
    assertThat(damage).anySatisfy(d -> assertThat(d.message()).contains("bad chunk signature"));
    // evtxexport drops the 13 intact records of the first chunk, whose record CRC fails
    assertThat(records).filteredOn(r -> r.fileOffset() < 0x11000L).hasSize(13);
    assertThat(records).extracting(EventRecord::recordId).doesNotHaveDuplicates();
  }

  @Test
  void parallelDecodingGivesTheSameRecordsInTheSameOrder() {
    byte[] bytes = Samples.bytes("security_bad_string_cache.evtx");
    List<Samples.Report> d1 = new ArrayList<>();
    List<Samples.Report> d4 = new ArrayList<>();
    List<EventRecord> one = Samples.read(bytes, d1, 1);
    List<EventRecord> four = Samples.read(bytes, d4, 4);
    assertThat(four.stream().map(EvtxJson::toJson).toList())
        .containsExactlyElementsOf(one.stream().map(EvtxJson::toJson).toList());
    assertThat(d4).isEqualTo(d1);
  }

  @Test
  void xmlRenderingMatchesTheReferenceShape() throws IOException {
    Path file = Samples.file("system.evtx");
    try (EvtxParser reader = EvtxParser.open(file)) {
      Iterator<XmlRecord> it = reader.xmlRecords();
      XmlRecord first = it.next();
      assertThat(first.xml())
          .isEqualTo(
              String.join(
                  "\n",
                  "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">",
                  "  <System>",
                  "    <Provider Name=\"EventLog\"/>",
                  "    <EventID Qualifiers=\"32768\">6009</EventID>",
                  "    <Level>4</Level>",
                  "    <Task>0</Task>",
                  "    <Keywords>0x0080000000000000</Keywords>",
                  "    <TimeCreated SystemTime=\"2017-07-12T17:16:28.2141616Z\"/>",
                  "    <EventRecordID>1</EventRecordID>",
                  "    <Channel>System</Channel>",
                  "    <Computer>WIN-P4SIAA0SQCO</Computer>",
                  "    <Security/>",
                  "  </System>",
                  "  <EventData>",
                  "    <Data>10.00.</Data>",
                  "    <Data>15063</Data>",
                  "    <Data/>",
                  "    <Data>Multiprocessor Free</Data>",
                  "    <Data>0</Data>",
                  "  </EventData>",
                  "</Event>"));
      assertThat(first.record().eventId()).isEqualTo(6009);
    }
  }
}
