package org.mapiscope.evtx.testkit;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One 64 KiB EVTX chunk: 512-byte header ("ElfChnk", record numbers, offsets, CRCs, string and
 * template tables) and the records after it. Records are added until one no longer fits.
 */
final class ChunkWriter {

  static final int CHUNK_SIZE = 0x10000;
  static final int HEADER_SIZE = 0x200;

  private final LeBuffer out = new LeBuffer().zeros(HEADER_SIZE);
  private ChunkNames names = new ChunkNames();
  private ChunkTemplates templates = new ChunkTemplates();
  private long firstId = -1;
  private long lastId = -1;
  private int lastRecordAt;

  boolean isEmpty() {
    return firstId < 0;
  }

  /** Adds the record; false (and the chunk unchanged) when it does not fit. */
  boolean add(TestEvent event) {
    int start = out.size();
    ChunkNames namesBefore = names.copy();
    ChunkTemplates templatesBefore = templates.copy();

    out.u8('*').u8('*').u8(0).u8(0);
    int sizeAt = out.size();
    out.u32(0).u64(event.recordId()).u64(SubstitutionValues.filetime64(event.timeCreated()));
    ClassicEventEncoder.encode(new BinXmlWriter(out, names), templates, event);
    out.alignTo(8);
    int size = out.size() - start + 4;
    out.u32(size);
    out.patchU32(sizeAt, size);

    if (out.size() > CHUNK_SIZE) {
      out.truncate(start);
      names = namesBefore;
      templates = templatesBefore;
      return false;
    }
    if (firstId < 0) {
      firstId = event.recordId();
    }
    lastId = event.recordId();
    lastRecordAt = start;
    return true;
  }

  /** The finished chunk, padded to 64 KiB, with both CRCs. */
  byte[] finish() {
    int freeSpace = out.size();
    byte[] chunk = new byte[CHUNK_SIZE];
    System.arraycopy(out.toByteArray(), 0, chunk, 0, freeSpace);

    LeBuffer h = new LeBuffer();
    h.bytes("ElfChnk\0".getBytes(StandardCharsets.US_ASCII))
        .u64(firstId)
        .u64(lastId)
        .u64(firstId)
        .u64(lastId)
        .u32(128)
        .u32(lastRecordAt)
        .u32(freeSpace);
    byte[] head = h.toByteArray();
    System.arraycopy(head, 0, chunk, 0, head.length);
    putInts(chunk, 128, names.buckets());
    putInts(chunk, 384, templates.buckets());

    CRC32 data = new CRC32();
    data.update(chunk, HEADER_SIZE, freeSpace - HEADER_SIZE);
    putU32(chunk, 52, data.getValue());
    CRC32 header = new CRC32();
    header.update(chunk, 0, 120);
    header.update(chunk, 128, HEADER_SIZE - 128);
    putU32(chunk, 124, header.getValue());
    return chunk;
  }

  private static void putInts(byte[] target, int at, int[] values) {
    for (int i = 0; i < values.length; i++) {
      putU32(target, at + 4 * i, values[i]);
    }
  }

  static void putU32(byte[] target, int at, long v) {
    for (int i = 0; i < 4; i++) {
      target[at + i] = (byte) (v >>> (8 * i));
    }
  }
}
