package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.TestEvent;

/**
 * A failure of the decoder itself is reported as a bug naming the file and the record's offset,
 * never as damage; malformed input, deep nesting included, stays damage.
 */
class DecoderBugTest {

  /** A record number no other test writes, so the injected fault touches only these files. */
  private static final long FAULTY = 7_700_002;

  @TempDir Path dir;

  private Path log() throws IOException {
    Instant t = Instant.parse("2026-11-02T08:15:00Z");
    List<TestEvent> events = new ArrayList<>();
    for (long id = FAULTY - 1; id <= FAULTY + 1; id++) {
      events.add(
          TestEvent.information(
              id, t.plusSeconds(id - FAULTY), "EX01", "MSExchangeIS", 1000, 16390, 6, List.of()));
    }
    Path file = dir.resolve("Application.evtx");
    EvtxTestWriter.write(file, events);
    return file;
  }

  private static long offsetOf(Path file, long recordId) throws IOException {
    try (EvtxParser parser = EvtxParser.open(file)) {
      return parser.stream()
          .filter(r -> r.recordId() == recordId)
          .findFirst()
          .orElseThrow()
          .fileOffset();
    }
  }

  @Test
  void aDecoderFailureIsABugNamingTheFileAndOffsetOnEveryPath() throws IOException {
    Path file = log();
    long offset = offsetOf(file, FAULTY);
    List<Long> damage = new ArrayList<>();
    DecoderFaults.Injected fault = DecoderFaults.failOnRecord(FAULTY);
    try {
      for (int threads : new int[] {1, 2}) {
        try (EvtxParser parser =
            EvtxParser.open(file, (at, message) -> damage.add(at)).parallelism(threads)) {
          assertBug(() -> parser.records().forEachRemaining(r -> {}), file, offset);
          assertBug(() -> parser.xmlRecords().forEachRemaining(r -> {}), file, offset);
          assertBug(
              () -> parser.writeJsonLines(new ByteArrayOutputStream(), null, null), file, offset);
        }
      }
    } finally {
      fault.close();
    }
    assertThat(damage).as("no damage reported for a bug").isEmpty();
  }

  @Test
  void withoutTheFaultTheSameFileReadsCleanly() throws IOException {
    Path file = log();
    List<Long> damage = new ArrayList<>();
    try (EvtxParser parser = EvtxParser.open(file, (at, message) -> damage.add(at))) {
      assertThat(parser.stream().map(EventRecord::recordId))
          .containsExactly(FAULTY - 1, FAULTY, FAULTY + 1);
    }
    assertThat(damage).isEmpty();
  }

  private static void assertBug(ThrowingRead read, Path file, long offset) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            DecoderBugException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.fileOffset()).isEqualTo(offset);
              assertThat(e.recordId()).isEqualTo(FAULTY);
              assertThat(e.getMessage())
                  .contains(file.toString())
                  .contains("offset 0x" + Long.toHexString(offset))
                  .contains("injected decoder bug");
            });
  }

  private interface ThrowingRead {
    void run() throws IOException;
  }

  /** 100 nested elements in a template-less record: damage at the cap, no stack overflow. */
  @Test
  void nestingDeeperThanTheCapIsDamage() {
    byte[] b = new byte[Chunk.SIZE];
    byte[] magic = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, b, 0, magic.length);
    int record = Chunk.HEADER_SIZE;
    int p = record + 24;
    int nameAt = -1;
    for (int depth = 0; depth < 100; depth++) {
      b[p] = 0x01; // open start element
      putU16(b, p + 1, 0xFFFF); // no dependency
      putU32(b, p + 3, 0); // element size (not needed to read it)
      int nameField = p + 7;
      if (nameAt < 0) {
        nameAt = nameField + 4; // the first name is written inline
        putU32(b, nameField, nameAt);
        putU16(b, nameAt + 6, 1); // one character
        b[nameAt + 8] = 'a';
        p = nameAt + 8 + 2 + 2;
      } else {
        putU32(b, nameField, nameAt); // later ones refer back to it
        p = nameField + 4;
      }
      b[p++] = 0x02; // close start: content follows
    }
    for (int depth = 0; depth < 100; depth++) {
      b[p++] = 0x04; // end element
    }
    b[p++] = 0x00; // end of fragment
    int size = p + 4 - record;
    putU32(b, record, 0x00002A2A);
    putU32(b, record + 4, size);
    putU32(b, record + 8, 1);
    putU32(b, p, size);
    putU32(b, 48, record + size); // free space offset
    Mappers.Records mapper = new Mappers.Records();

    List<Damage> damage = ChunkDecoder.decode(new Chunk(b, Chunk.SIZE, 4096), false, mapper);

    assertThat(damage)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("nested deeper than 64"));
    assertThat(mapper.take()).isNullOrEmpty();
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
  }

  private static void putU32(byte[] b, int at, long v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }
}
