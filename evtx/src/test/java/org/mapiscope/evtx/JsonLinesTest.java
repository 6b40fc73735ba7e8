package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.SampleEvents;

/**
 * The JSON lines written straight from the chunk ({@link EvtxParser#jsonLineChunks}) are the same
 * bytes, with the same damage reports, as {@link EvtxJson} on the records of {@link
 * EvtxParser#records()}.
 */
class JsonLinesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Application_no_crc32.evtx",
        "MSExchange_Management_wec.evtx",
        "Security_short_selected.evtx",
        "dns_log_malformed.evtx",
        "sample_with_a_bad_chunk_magic.evtx",
        "security_bad_string_cache.evtx",
        "sysmon.evtx",
        "system.evtx"
      })
  void sampleFilesGiveTheSameBytes(String name) {
    byte[] file = Samples.bytes(name);
    assertSameAsRecords(file, null, null, 1);
    assertSameAsRecords(file, null, null, 2);
  }

  @Test
  void filtersKeepTheSameRecords() {
    byte[] file = Samples.bytes("system.evtx");
    assertSameAsRecords(file, 7036, null, 1);
    assertSameAsRecords(file, null, "service control manager", 2);
    assertSameAsRecords(file, 1, "no such provider", 1);
  }

  @Test
  void testWriterFilesGiveTheSameBytes() {
    byte[] file = EvtxTestWriter.bytes(SampleEvents.applicationLog(1, 600));
    assertSameAsRecords(file, null, null, 1);
    assertSameAsRecords(file, 9646, "msexchangeis", 2);
  }

  @Test
  void damagedFilesGiveTheSameBytes() {
    byte[] clean = EvtxTestWriter.bytes(SampleEvents.applicationLog(1, 120));
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 12))
        .checkAssert(
            edits -> {
              byte[] file = clean.clone();
              for (int e : edits) {
                // Damage beyond the file header: byte values and positions from the generator.
                int at = 4096 + e % (file.length - 4096);
                file[at] = (byte) (e >>> 24);
              }
              assertSameAsRecords(file, null, null, 1);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"system.evtx", "sysmon.evtx", "security_bad_string_cache.evtx"})
  void usualRecordsAreWrittenFromLinePlans(String name) {
    byte[] file = Samples.bytes(name);
    TemplateCache cache = new TemplateCache();
    JsonLineMapper mapper = new JsonLineMapper(null, null);
    long lines = 0;
    for (int i = 0; i < (file.length - 4096 + Chunk.SIZE - 1) / Chunk.SIZE; i++) {
      int offset = 4096 + i * Chunk.SIZE;
      Chunk chunk =
          new Chunk(
              Arrays.copyOfRange(file, offset, offset + Chunk.SIZE),
              Math.min(Chunk.SIZE, file.length - offset),
              offset);
      ChunkDecoder.decode(chunk, true, mapper, cache);
      ByteSink chunkLines = mapper.take();
      byte[] json = chunkLines == null ? null : chunkLines.toByteArray();
      for (int k = 0; json != null && k < json.length; k++) {
        lines += json[k] == '\n' ? 1 : 0;
      }
    }
    // The JSON lines tests compare both ways of writing; this keeps the plans from going unused.
    assertThat(mapper.planned()).isGreaterThan(lines * 9 / 10);
  }

  private static void assertSameAsRecords(
      byte[] file, Integer eventId, String provider, int threads) {
    Predicate<EventRecord> keep =
        r ->
            (eventId == null || r.eventId() == eventId)
                && (provider == null || provider.equalsIgnoreCase(r.provider()));
    List<String> recordDamage = new ArrayList<>();
    List<String> jsonDamage = new ArrayList<>();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (EvtxParser reader =
        EvtxParser.of(ByteBuffer.wrap(file), (o, m) -> recordDamage.add(o + ": " + m))
            .parallelism(threads)) {
      for (EventRecord r : reader) {
        if (keep.test(r)) {
          EvtxJson.writeLine(r, expected);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (EvtxParser reader =
        EvtxParser.of(ByteBuffer.wrap(file), (o, m) -> jsonDamage.add(o + ": " + m))
            .parallelism(threads)) {
      Iterator<byte[]> chunks = reader.jsonLineChunks(eventId, provider);
      while (chunks.hasNext()) {
        actual.writeBytes(chunks.next());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(actual.toString(StandardCharsets.UTF_8))
        .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    assertThat(jsonDamage).isEqualTo(recordDamage);
  }
}
