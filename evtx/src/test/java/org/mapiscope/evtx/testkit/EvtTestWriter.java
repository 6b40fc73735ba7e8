package org.mapiscope.evtx.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes legacy {@code .evt} files (Windows NT 4 to Server 2003 event logs) for tests: header,
 * {@code EVENTLOGRECORD}s and the end-of-file record in a circular buffer of a chosen size, so that
 * wrapped logs (records crossing the end of the file), dirty logs with stale headers and leftovers
 * of overwritten records can all be produced.
 */
public final class EvtTestWriter {

  static final int HEADER_SIZE = 0x30;
  static final int EOF_SIZE = 0x28;
  static final int SIGNATURE = 0x654c664c; // "LfLe"

  /**
   * How to lay the records out.
   *
   * @param fileSize total file size; the ring is everything after the header
   * @param firstOffset where the oldest record starts (0x30 for a log that has not wrapped)
   * @param dirty set the dirty flag and leave the header offsets stale, as a log copied while the
   *     event log service had it open
   * @param leftovers fill the unused part of the ring with the remains of older records instead of
   *     zeros
   */
  public record Layout(int fileSize, long firstOffset, boolean dirty, boolean leftovers) {

    /** A log that has not wrapped, just large enough, closed cleanly. */
    public static Layout compact() {
      return new Layout(0, HEADER_SIZE, false, false);
    }

    public Layout dirtyCopy() {
      return new Layout(fileSize, firstOffset, true, leftovers);
    }

    public Layout withLeftovers() {
      return new Layout(fileSize, firstOffset, dirty, true);
    }
  }

  private EvtTestWriter() {}

  /** Writes a compact, cleanly closed log. */
  public static void write(Path file, List<TestEvent> events) throws IOException {
    Files.write(file, bytes(events, Layout.compact()));
  }

  public static void write(Path file, List<TestEvent> events, Layout layout) throws IOException {
    Files.write(file, bytes(events, layout));
  }

  /** Encodes each event as an {@code EVENTLOGRECORD}. */
  public static byte[] record(TestEvent event) {
    return EvtRecordEncoder.encode(event);
  }

  public static byte[] bytes(List<TestEvent> events, Layout layout) {
    List<byte[]> records = events.stream().map(EvtRecordEncoder::encode).toList();
    int recordBytes = records.stream().mapToInt(r -> r.length).sum();
    int fileSize =
        layout.fileSize() == 0 ? HEADER_SIZE + recordBytes + EOF_SIZE : layout.fileSize();
    int ring = fileSize - HEADER_SIZE;
    if (recordBytes + EOF_SIZE > ring) {
      throw new IllegalArgumentException(
          "records need " + (recordBytes + EOF_SIZE) + " bytes, ring has " + ring);
    }
    if (layout.firstOffset() < HEADER_SIZE || layout.firstOffset() >= fileSize) {
      throw new IllegalArgumentException("first offset outside the ring: " + layout.firstOffset());
    }
    byte[] file = new byte[fileSize];
    if (layout.leftovers()) {
      fillWithLeftovers(file);
    }
    long position = layout.firstOffset();
    boolean wrapped = false;
    long staleEnd = position;
    long staleNext = events.isEmpty() ? 1 : events.get(0).recordId();
    for (int i = 0; i < records.size(); i++) {
      byte[] r = records.get(i);
      wrapped |= position + r.length > fileSize;
      position = putCircular(file, position, r);
      if (i < records.size() / 2) {
        staleEnd = position;
        staleNext = events.get(i).recordId() + 1;
      }
    }
    long oldest = events.isEmpty() ? 0 : events.get(0).recordId();
    long next = events.isEmpty() ? 1 : events.get(events.size() - 1).recordId() + 1;
    long eofAt = position;
    putCircular(file, eofAt, eofRecord(layout.firstOffset(), eofAt, next, oldest));
    wrapped |= eofAt < layout.firstOffset() || eofAt + EOF_SIZE > fileSize;

    int flags = (wrapped ? 0x2 : 0) | (layout.dirty() ? 0x1 : 0);
    LeBuffer header = new LeBuffer().u32(HEADER_SIZE).u32(SIGNATURE).u32(1).u32(1);
    if (layout.dirty()) {
      // what the header said when it was last flushed, half the records ago
      header.u32(layout.firstOffset()).u32(staleEnd).u32(staleNext).u32(oldest);
    } else {
      header.u32(layout.firstOffset()).u32(eofAt).u32(next).u32(oldest);
    }
    header.u32(fileSize).u32(flags).u32(0).u32(HEADER_SIZE);
    System.arraycopy(header.toByteArray(), 0, file, 0, HEADER_SIZE);
    return file;
  }

  static byte[] eofRecord(long begin, long end, long next, long oldest) {
    return new LeBuffer()
        .u32(EOF_SIZE)
        .u32(0x11111111)
        .u32(0x22222222)
        .u32(0x33333333)
        .u32(0x44444444)
        .u32(begin)
        .u32(end)
        .u32(next)
        .u32(oldest)
        .u32(EOF_SIZE)
        .toByteArray();
  }

  /** Writes bytes at a ring position, continuing after the header at the end of the file. */
  private static long putCircular(byte[] file, long position, byte[] data) {
    int at = (int) position;
    for (byte b : data) {
      file[at++] = b;
      if (at == file.length) {
        at = HEADER_SIZE;
      }
    }
    return at;
  }

  /**
   * What the unused part of a wrapped log holds: copies of an overwritten record whose trailing
   * length was cleared, so they look like records but are not whole ones.
   */
  private static void fillWithLeftovers(byte[] file) {
    byte[] old =
        EvtRecordEncoder.encode(
            TestEvent.information(
                1, Instant.EPOCH, "OLD", "Overwritten", 1, 0, 0, List.of("stale record text")));
    Arrays.fill(old, old.length - 4, old.length, (byte) 0);
    for (int at = HEADER_SIZE; at < file.length; at++) {
      file[at] = old[(at - HEADER_SIZE) % old.length];
    }
  }
}
