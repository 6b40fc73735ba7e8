package org.mapiscope.evtx.evt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.DataItem;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.testkit.EvtTestWriter;
import org.mapiscope.evtx.testkit.EvtTestWriter.Layout;
import org.mapiscope.evtx.testkit.TestEvent;

class EvtParserTest {

  private static final Instant T0 = Instant.parse("2006-03-01T08:15:00Z");
  private static final String DN = "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe";

  @TempDir Path dir;

  /** Eight events: 9646s between information neighbours, 300-odd bytes each. */
  static List<TestEvent> sample(long firstId) {
    return LongStream.range(firstId, firstId + 8)
        .mapToObj(
            id ->
                id % 3 == 0
                    ? TestEvent.information(
                        id,
                        T0.plusSeconds(id),
                        "EXCH01",
                        "MSExchangeIS Mailbox Store",
                        1221,
                        TestEvent.MSEXCHANGEIS_INFO_QUALIFIERS,
                        6,
                        List.of("First Storage Group\\Mailbox Store", "12"))
                    : TestEvent.mapiLimit9646(
                        id, T0.plusSeconds(id), "EXCH01", DN + id, 32, "session"))
        .toList();
  }

  @Test
  void readsTheFieldsOfA9646() throws Exception {
    TestEvent event =
        TestEvent.mapiLimit9646(41, T0, "EXCH01", DN, 32, "session")
            .withUserSid("S-1-5-21-1004336348-1177238915-682003330-1003");
    ReadAll read =
        ReadAll.of(dir, "AppEvent.Evt", EvtTestWriter.bytes(List.of(event), Layout.compact()));

    assertThat(read.damage()).isEmpty();
    EventRecord r = read.records().get(0);
    assertThat(r.recordId()).isEqualTo(41);
    assertThat(r.provider()).isEqualTo("MSExchangeIS");
    assertThat(r.eventId()).isEqualTo(9646);
    assertThat(r.qualifiers()).isEqualTo(49158);
    assertThat(r.level()).isEqualTo(2);
    assertThat(r.task()).isEqualTo(6);
    assertThat(r.keywords()).isEqualTo(TestEvent.CLASSIC);
    assertThat(r.timeCreated()).isEqualTo(T0);
    assertThat(r.written()).isEqualTo(T0);
    assertThat(r.channel()).isEqualTo("Application");
    assertThat(r.computer()).isEqualTo("EXCH01");
    assertThat(r.userSid()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1003");
    assertThat(r.data()).extracting(DataItem::name).containsExactly(null, null, null, "Binary");
    assertThat(r.data()).extracting(DataItem::value).startsWith(DN, "32", "session");
    assertThat((byte[]) r.data().get(3).value()).containsSubsequence("[DIAG_CTX]".getBytes());
    assertThat(r.fileOffset()).isEqualTo(0x30);
  }

  @Test
  void readsARecordWithASidButNoStringsOrData() throws Exception {
    TestEvent event =
        new TestEvent(
            9,
            T0,
            "MSExchangeIS",
            9523,
            null,
            3,
            6,
            TestEvent.CLASSIC,
            "Application",
            "EXCH01",
            "S-1-5-18",
            List.of(),
            null);
    ReadAll read =
        ReadAll.of(dir, "sid.evt", EvtTestWriter.bytes(List.of(event), Layout.compact()));

    assertThat(read.damage()).isEmpty();
    assertThat(read.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.userSid()).isEqualTo("S-1-5-18");
              assertThat(r.data()).isEmpty();
              assertThat(r.qualifiers()).isZero();
              assertThat(r.level()).isEqualTo(3);
            });
  }

  @Test
  void mapsEventTypesToLevels() throws Exception {
    List<TestEvent> events =
        List.of(
            withLevel(1, 3, 0),
            withLevel(2, 4, 0),
            withLevel(3, 0, TestEvent.AUDIT_SUCCESS),
            withLevel(4, 0, TestEvent.AUDIT_FAILURE));
    ReadAll read = ReadAll.of(dir, "x.evt", EvtTestWriter.bytes(events, Layout.compact()));

    assertThat(read.records()).extracting(EventRecord::level).containsExactly(3, 4, 0, 0);
    assertThat(read.records())
        .extracting(EventRecord::keywords)
        .containsExactly(
            TestEvent.CLASSIC,
            TestEvent.CLASSIC,
            TestEvent.CLASSIC | TestEvent.AUDIT_SUCCESS,
            TestEvent.CLASSIC | TestEvent.AUDIT_FAILURE);
    assertThat(read.records()).extracting(EventRecord::channel).containsOnlyNulls();
    assertThat(read.records().get(0).data())
        .extracting(DataItem::value)
        .containsExactly("only string");
  }

  private static TestEvent withLevel(long id, int level, long auditBit) {
    return new TestEvent(
        id,
        T0,
        "Security",
        528,
        0,
        level,
        2,
        TestEvent.CLASSIC | auditBit,
        "Security",
        "DC01",
        null,
        List.of("only string"),
        null);
  }

  @Test
  void followsAWrappedBufferAcrossTheEndOfTheFile() throws Exception {
    List<TestEvent> events = sample(100);
    int need = events.stream().mapToInt(e -> EvtTestWriter.record(e).length).sum();
    int fileSize = 0x30 + need + 0x28 + 400;
    // start 3.5 records before the end, so the fourth record is split by the end of the file
    long first = fileSize - (int) (3.5 * EvtTestWriter.record(events.get(0)).length) & ~3L;
    ReadAll read =
        ReadAll.of(
            dir,
            "wrapped.evt",
            EvtTestWriter.bytes(events, new Layout(fileSize, first, false, true)));

    assertThat(read.header().wrapped()).isTrue();
    assertThat(read.damage()).isEmpty();
    assertThat(read.ids()).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L);
    assertThat(read.records().get(4).data()).extracting(DataItem::value).startsWith(DN + 104);
  }

  @Test
  void readsAnEndOfFileRecordSplitByTheEndOfTheFile() throws Exception {
    List<TestEvent> events = sample(7);
    int need = events.stream().mapToInt(e -> EvtTestWriter.record(e).length).sum();
    int fileSize = 0x30 + need + 0x28 + 64;
    long first = fileSize - 16 - need; // the EOF record starts 16 bytes before the end
    ReadAll read =
        ReadAll.of(
            dir,
            "eofsplit.evt",
            EvtTestWriter.bytes(events, new Layout(fileSize, first, false, false)));

    assertThat(read.damage()).isEmpty();
    assertThat(read.ids()).containsExactly(7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
  }

  @Test
  void findsTheRecordsOfADirtyLogThroughItsEndOfFileRecord() throws Exception {
    List<TestEvent> events = sample(1);
    int need = events.stream().mapToInt(e -> EvtTestWriter.record(e).length).sum();
    int fileSize = 0x30 + need + 0x28 + 800;
    ReadAll read =
        ReadAll.of(
            dir,
            "dirty.evt",
            EvtTestWriter.bytes(events, new Layout(fileSize, fileSize - 1000, true, true)));

    assertThat(read.header().dirty()).isTrue();
    assertThat(read.header().currentRecordNumber())
        .isEqualTo(5); // stale: flushed after four records
    assertThat(read.damage()).isEmpty();
    assertThat(read.ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void skipsADamagedRecordAndReportsWhere() throws Exception {
    List<TestEvent> events = sample(1);
    byte[] bytes = EvtTestWriter.bytes(events, Layout.compact());
    int third =
        0x30
            + EvtTestWriter.record(events.get(0)).length
            + EvtTestWriter.record(events.get(1)).length;
    bytes[third + 4] = 'X'; // signature of record 3

    ReadAll read = ReadAll.of(dir, "damaged.evt", bytes);

    assertThat(read.ids()).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L);
    assertThat(read.damage()).singleElement().asString().startsWith(third + ": ");
  }

  @Test
  void recoversRecordsOfATruncatedCopy() throws Exception {
    byte[] bytes = EvtTestWriter.bytes(sample(1), Layout.compact());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 0x28 - 100); // EOF and half of record 8 gone

    ReadAll read = ReadAll.of(dir, "cut.evt", cut);

    assertThat(read.ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(read.damage()).anyMatch(d -> d.contains("7 intact records recovered by scanning"));
  }

  @Test
  void readsAnEmptyLog() throws Exception {
    ReadAll read = ReadAll.of(dir, "empty.evt", EvtTestWriter.bytes(List.of(), Layout.compact()));

    assertThat(read.records()).isEmpty();
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void rejectsWhatIsNoEventLog() throws Exception {
    Path file = dir.resolve("not.evt");
    Files.write(file, "ElfFile\0 this is an evtx header, not an evt one at all......".getBytes());

    assertThatThrownBy(() -> EvtParser.open(file, (o, m) -> {}))
        .isInstanceOf(EvtFormatException.class)
        .hasMessageContaining("LfLe");
    Files.write(file, new byte[10]);
    assertThatThrownBy(() -> EvtParser.open(file, (o, m) -> {}))
        .isInstanceOf(EvtFormatException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void streamsTheSameRecords() throws Exception {
    Path file = dir.resolve("s.evt");
    EvtTestWriter.write(file, sample(5));
    try (EvtParser reader = EvtParser.open(file, (o, m) -> {})) {
      assertThat(reader.stream().map(EventRecord::recordId))
          .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }
  }
}
