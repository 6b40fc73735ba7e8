package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of system.evtx (three chunks, built in memory): no exception escapes, every intact
 * record still comes out, each damaged spot is reported with its offset, reading ends.
 */
class RobustnessTest {

  private static final int CHUNK2 = 4096 + 65536;

  /** Hang guard only; real runs take milliseconds. */
  private static final Duration HANG = Duration.ofSeconds(20);

  private final byte[] clean = Samples.bytes("system.evtx");
  private final List<EventRecord> cleanRecords = Samples.read(clean, new ArrayList<>());

  @Test
  void truncatedFileKeepsEveryRecordBeforeTheCut() {
    int cut = CHUNK2 + 30_000;
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = read(Arrays.copyOf(clean, cut), damage);
    long intact = cleanRecords.stream().filter(r -> r.fileOffset() + 1000 < cut).count();
    assertThat((long) records.size()).isGreaterThanOrEqualTo(intact - 1);
    assertThat(keys(records)).isSubsetOf(keys(cleanRecords));
    assertThat(damage).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
  }

  @Test
  void flippedChunkSignatureIsReportedAndTheChunkStillSearched() {
    byte[] bytes = clean.clone();
    bytes[CHUNK2] = 'X';
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = read(bytes, damage);
    assertThat(damage).extracting(Samples.Report::offset).contains((long) CHUNK2);
    assertThat(keys(records)).isEqualTo(keys(cleanRecords));
  }

  @Test
  void zeroSizeRecordIsSkippedAndTheNextOnesRecovered() {
    byte[] bytes = clean.clone();
    EventRecord victim = cleanRecords.get(5);
    int at = (int) victim.fileOffset();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 4, 0);
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = read(bytes, damage);
    assertThat(damage).extracting(Samples.Report::offset).contains((long) at);
    Set<String> expected = new java.util.HashSet<>(keys(cleanRecords));
    expected.remove(key(victim));
    assertThat(keys(records)).isEqualTo(expected);
  }

  @Test
  void corruptNameOffsetLosesOnlyTheRecordsThatNeedIt() {
    byte[] bytes = clean.clone();
    // The first record's template is inline: its first element's name offset sits at
    // record+24+4+10+24+1+2+4.
    int record = (int) cleanRecords.get(0).fileOffset();
    int nameOffsetField = record + 24 + 4 + 10 + 24 + 1 + 2 + 4;
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(nameOffsetField, 0x7FFF_FFF0);
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = read(bytes, damage);
    assertThat(damage)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.offset()).isBetween(4096L, (long) CHUNK2));
    // chunks 2 and 3 do not depend on chunk 1's names
    Set<String> later =
        cleanRecords.stream()
            .filter(r -> r.fileOffset() >= CHUNK2)
            .map(RobustnessTest::key)
            .collect(Collectors.toSet());
    assertThat(keys(records)).containsAll(later);
  }

  @Test
  void randomBytesAfterAValidHeaderYieldNothingButReports() {
    byte[] bytes = new byte[4096 + 3 * 65536];
    new Random(7).nextBytes(bytes);
    System.arraycopy(clean, 0, bytes, 0, 4096);
    for (int i = 0; i < 3; i++) {
      System.arraycopy(
          "ElfChnk\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          0,
          bytes,
          4096 + i * 65536,
          8);
    }
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records = read(bytes, damage);
    assertThat(records).isEmpty();
    assertThat(damage).isNotEmpty();
  }

  @Test
  void notAnEventLogAtAllIsReportedOnce() {
    List<Samples.Report> damage = new ArrayList<>();
    List<EventRecord> records =
        read("hello, not a log".getBytes(java.nio.charset.StandardCharsets.US_ASCII), damage);
    assertThat(records).isEmpty();
    assertThat(damage).extracting(Samples.Report::offset).containsExactly(0L);
  }

  @Test
  void randomByteFlipsNeverThrowAndIntactChunksSurvive() {
    Random random = new Random(42);
    byte[] prefix = Arrays.copyOf(clean, 4096 + 3 * 65536);
    Set<String> later =
        keys(
            read(prefix, new ArrayList<>()).stream()
                .filter(r -> r.fileOffset() >= CHUNK2)
                .toList());
    for (int round = 0; round < 60; round++) {
      byte[] bytes = prefix.clone();
      int flips = 1 + random.nextInt(40);
      for (int i = 0; i < flips; i++) {
        int at = 4096 + random.nextInt(65536); // only chunk 1 is damaged
        bytes[at] = (byte) random.nextInt(256);
      }
      List<EventRecord> records = read(bytes, new ArrayList<>());
      assertThat(keys(records)).containsAll(later);
    }
  }

  private static List<EventRecord> read(byte[] bytes, List<Samples.Report> damage) {
    return assertTimeoutPreemptively(HANG, () -> Samples.read(bytes, damage));
  }

  private static String key(EventRecord r) {
    return r.fileOffset() + ":" + EvtxJson.toJson(r);
  }

  private static Set<String> keys(List<EventRecord> records) {
    return records.stream().map(RobustnessTest::key).collect(Collectors.toSet());
  }
}
