package org.mapiscope.evtx.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes valid Windows XML Event Log ({@code .evtx}) files for tests: file header with CRC, 64 KiB
 * chunks with header and data CRCs, string and template tables, and records whose BinXml is a
 * template instance (definition inline the first time in a chunk, referenced after that) with typed
 * substitution values, as Windows writes events of classic sources such as MSExchangeIS. Both
 * libevtx ({@code evtxexport}) and python-evtx read what it writes.
 *
 * <p>Typical use: {@code EvtxTestWriter.write(file, List.of(TestEvent.mapiLimit9646(…), …))}.
 * Records are written in list order; chunks fill up as far as records fit.
 */
public final class EvtxTestWriter {

  static final int FILE_HEADER_SIZE = 0x1000;

  private EvtxTestWriter() {}

  public static void write(Path file, List<TestEvent> events) throws IOException {
    Files.write(file, bytes(events));
  }

  public static byte[] bytes(List<TestEvent> events) {
    List<byte[]> chunks = new ArrayList<>();
    ChunkWriter chunk = new ChunkWriter();
    for (TestEvent e : events) {
      if (!chunk.add(e)) {
        if (chunk.isEmpty()) {
          throw new IllegalArgumentException("record " + e.recordId() + " does not fit in a chunk");
        }
        chunks.add(chunk.finish());
        chunk = new ChunkWriter();
        if (!chunk.add(e)) {
          throw new IllegalArgumentException("record " + e.recordId() + " does not fit in a chunk");
        }
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk.finish());
    }
    long nextRecordId = events.isEmpty() ? 1 : events.get(events.size() - 1).recordId() + 1;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(fileHeader(chunks.size(), nextRecordId));
    chunks.forEach(file::writeBytes);
    return file.toByteArray();
  }

  static byte[] fileHeader(int chunkCount, long nextRecordId) {
    LeBuffer h = new LeBuffer();
    h.bytes("ElfFile\0".getBytes(StandardCharsets.US_ASCII))
        .u64(0)
        .u64(Math.max(0, chunkCount - 1))
        .u64(nextRecordId)
        .u32(128)
        .u16(1)
        .u16(3)
        .u16(FILE_HEADER_SIZE)
        .u16(chunkCount);
    byte[] header = new byte[FILE_HEADER_SIZE];
    byte[] head = h.toByteArray();
    System.arraycopy(head, 0, header, 0, head.length);
    CRC32 crc = new CRC32();
    crc.update(header, 0, 120);
    ChunkWriter.putU32(header, 124, crc.getValue());
    return header;
  }
}
