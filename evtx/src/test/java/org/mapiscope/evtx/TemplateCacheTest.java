package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapiscope.evtx.testkit.EvtxTestWriter;
import org.mapiscope.evtx.testkit.SampleEvents;

/**
 * Templates reused from earlier chunks decode exactly as the chunk's own definitions would: every
 * chunk gives the same JSON lines and damage with the shared cache as when decoded alone.
 */
class TemplateCacheTest {

  private static final int FILE_HEADER = 4096;

  /** A chunk name "Data": its character count, the characters and the terminator. */
  private static final byte[] DATA_NAME = {4, 0, 'D', 0, 'a', 0, 't', 0, 'a', 0, 0, 0};

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
  void sampleChunksDecodeAsAlone(String name) {
    assertSharedDecodesAsAlone(Samples.bytes(name));
  }

  @Test
  void reusesTemplatesOfEarlierChunks() {
    byte[] file = EvtxTestWriter.bytes(SampleEvents.applicationLog(1, 900));
    assertThat(chunkCount(file)).isGreaterThan(2);
    TemplateCache cache = new TemplateCache();
    decodeAll(file, cache);
    // Later chunks found their templates: fewer kept than compiled chunk by chunk.
    int alone = 0;
    for (int i = 0; i < chunkCount(file); i++) {
      alone += decodeChunk(file, i, null).templates();
    }
    assertThat(cache.size()).isPositive().isLessThan(alone);
    assertSharedDecodesAsAlone(file);
  }

  @Test
  void aRenamedElementInALaterChunkIsNotTakenFromTheCache() {
    byte[] file = EvtxTestWriter.bytes(SampleEvents.applicationLog(1, 900));
    int chunk = FILE_HEADER + Chunk.SIZE;
    int at = indexOf(file, DATA_NAME, chunk, chunk + Chunk.SIZE);
    assertThat(at).as("an inline Data name in the second chunk").isPositive();
    file[at + 4] = 'b'; // "Dbta": same length, same GUID and size, so only the bytes tell
    fixChunkCrc(file, chunk);
    assertSharedDecodesAsAlone(file);
    TemplateCache cache = new TemplateCache();
    decodeChunk(file, 0, cache);
    String second = new String(decodeChunk(file, 1, cache).json(), StandardCharsets.UTF_8);
    assertThat(second).contains("\"name\":\"Dbta\"");
    String first = new String(decodeChunk(file, 0, null).json(), StandardCharsets.UTF_8);
    assertThat(first).doesNotContain("Dbta");
  }

  @Test
  void changedTemplateBytesInLaterChunksAreNeverReusedWrongly() {
    byte[] clean = EvtxTestWriter.bytes(SampleEvents.applicationLog(1, 900));
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4))
        .checkAssert(
            edits -> {
              byte[] file = clean.clone();
              for (int e : edits) {
                // The first 2 KiB of records of chunk 2 or 3 hold inline template definitions.
                int chunk = FILE_HEADER + Chunk.SIZE * (1 + (e & 1));
                int at = chunk + Chunk.HEADER_SIZE + (e >>> 1) % 2048;
                file[at] = (byte) (e >>> 24);
              }
              assertSharedDecodesAsAlone(file);
            });
  }

  private static void assertSharedDecodesAsAlone(byte[] file) {
    TemplateCache cache = new TemplateCache();
    for (int i = 0; i < chunkCount(file); i++) {
      Decoded shared = decodeChunk(file, i, cache);
      Decoded alone = decodeChunk(file, i, null);
      assertThat(new String(shared.json(), StandardCharsets.UTF_8))
          .as("chunk %d", i)
          .isEqualTo(new String(alone.json(), StandardCharsets.UTF_8));
      assertThat(shared.damage()).as("chunk %d damage", i).isEqualTo(alone.damage());
    }
  }

  private record Decoded(byte[] json, List<Damage> damage, int templates) {}

  private static void decodeAll(byte[] file, TemplateCache cache) {
    for (int i = 0; i < chunkCount(file); i++) {
      decodeChunk(file, i, cache);
    }
  }

  private static Decoded decodeChunk(byte[] file, int index, TemplateCache cache) {
    int offset = FILE_HEADER + index * Chunk.SIZE;
    int length = Math.min(Chunk.SIZE, file.length - offset);
    Chunk chunk = new Chunk(Arrays.copyOfRange(file, offset, offset + Chunk.SIZE), length, offset);
    JsonLineMapper mapper = new JsonLineMapper(null, null);
    List<Damage> damage = ChunkDecoder.decode(chunk, true, mapper, cache);
    ByteSink lines = mapper.take();
    byte[] json = lines == null ? new byte[0] : lines.toByteArray();
    return new Decoded(json, new ArrayList<>(damage), chunk.templates.size());
  }

  private static int chunkCount(byte[] file) {
    return (file.length - FILE_HEADER + Chunk.SIZE - 1) / Chunk.SIZE;
  }

  private static int indexOf(byte[] b, byte[] what, int from, int to) {
    for (int i = from; i <= to - what.length; i++) {
      if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    return -1;
  }

  private static void fixChunkCrc(byte[] file, int chunk) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    long free = LittleEndian.u32(file, chunk + 48, file.length);
    crc.update(file, chunk + Chunk.HEADER_SIZE, (int) free - Chunk.HEADER_SIZE);
    int v = (int) crc.getValue();
    file[chunk + 52] = (byte) v;
    file[chunk + 53] = (byte) (v >>> 8);
    file[chunk + 54] = (byte) (v >>> 16);
    file[chunk + 55] = (byte) (v >>> 24);
  }
}
