package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Decodes the records of one 64 KiB chunk. Checks (but never enforces) both chunk CRC32s, validates
 * every record frame against the chunk, skips damaged records and resynchronises on the next record
 * signature, so every intact record comes out. Each damaged spot is reported once.
 *
 * <p>Damage is what the decoder signals itself, as {@link DamageException}: a bounds check that
 * fails, a token or value that breaks the format, nesting deeper than {@link
 * FragmentParser#MAX_DEPTH}, a record expanding to too many nodes. Any other exception is a bug and
 * leaves as a {@link DecoderBugException} naming the record's offset.
 */
final class ChunkDecoder {

  private static final byte[] CHUNK_MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
  private static final int RECORD_MAGIC = 0x00002A2A;
  private static final int RECORD_HEADER = 24;
  private static final int MIN_RECORD = 28;

  /**
   * Test seam: called with each record's number before the record is decoded, so tests can make the
   * decoder fail as a bug would (null, the default, in production).
   */
  static volatile LongConsumer beforeRecord;

  private ChunkDecoder() {}

  /**
   * Decodes the chunk's records into {@code mapper} (whose {@link RecordMapper#take} gives them);
   * returns the damage found.
   */
  static List<Damage> decode(Chunk chunk, boolean verifyCrc, RecordMapper<?> mapper) {
    return decode(chunk, verifyCrc, mapper, null);
  }

  /**
   * Same, reusing templates of chunks decoded before on this thread from {@code templates} (null:
   * none).
   */
  static List<Damage> decode(
      Chunk chunk, boolean verifyCrc, RecordMapper<?> mapper, TemplateCache templates) {
    List<Damage> damage = new ArrayList<>(0);
    byte[] b = chunk.bytes;
    int length = chunk.length;
    long base = chunk.fileOffset;
    if (length < Chunk.HEADER_SIZE) {
      damage.add(
          new Damage(base, "chunk truncated to " + length + " bytes, no room for its header"));
      return damage;
    }
    boolean magic = hasMagic(b);
    if (!magic) {
      if (allZero(b, 0, length)) {
        return damage; // never used: preallocated space
      }
      // Names and templates are chunk-relative and stored inline, so records of a chunk
      // with a wiped or corrupt header can still be decoded.
      damage.add(
          new Damage(base, "bad chunk signature; header ignored, searching the chunk for records"));
    }
    if (length < Chunk.SIZE) {
      damage.add(
          new Damage(base + length, "chunk truncated to " + length + " bytes (file ends early)"));
    }
    int end = length;
    if (magic) {
      end = checkedEnd(b, length, base, verifyCrc, damage);
    }
    FragmentParser parser = new FragmentParser(chunk, templates);
    TreeWalker walker = new TreeWalker(parser, b);
    int pos = Chunk.HEADER_SIZE;
    boolean beyondReported = false;
    while (pos <= length - MIN_RECORD) {
      if (pos > end - MIN_RECORD) {
        // Past the free space offset only a complete record frame counts (dirty, unflushed header).
        if (frameSize(b, pos, length) < 0) {
          break;
        }
        if (!beyondReported) {
          damage.add(new Damage(base + pos, "records beyond the chunk's free space offset"));
          beyondReported = true;
        }
      }
      if (LittleEndian.i32(b, pos, length) != RECORD_MAGIC) {
        if (allZero(b, pos, Math.max(pos, end))) {
          break;
        }
        int next = resync(b, pos + 1, length);
        damage.add(new Damage(base + pos, "no record signature" + skipped(pos, next, length)));
        if (next < 0) {
          break;
        }
        pos = next;
        continue;
      }
      long size = LittleEndian.u32(b, pos + 4, length);
      if (size < MIN_RECORD || size > length - pos) {
        int next = resync(b, pos + 4, length);
        damage.add(
            new Damage(
                base + pos, "record size " + size + " impossible" + skipped(pos, next, length)));
        if (next < 0) {
          break;
        }
        pos = next;
        continue;
      }
      int recordEnd = pos + (int) size;
      long recordId = LittleEndian.i64(b, pos + 8, length);
      if (LittleEndian.u32(b, recordEnd - 4, length) != size) {
        damage.add(
            new Damage(base + recordEnd - 4, "record " + recordId + ": size copy does not match"));
      }
      try {
        if (beforeRecord != null) {
          beforeRecord.accept(recordId);
        }
        Node.Instance usual = parser.instance(pos + RECORD_HEADER, recordEnd - 4, 1, true);
        if (usual != null && mapper.direct(parser, b, usual, recordId)) {
          pos = recordEnd;
          continue;
        }
        RawVisitor v = mapper.begin(recordId, LittleEndian.i64(b, pos + 16, length), base + pos);
        v.chunk(b, length);
        if (usual != null) {
          walker.walk(usual, v);
        } else {
          Node[] nodes = parser.fragment(pos + RECORD_HEADER, recordEnd - 4, 0);
          if (!hasElement(nodes)) {
            throw new DamageException(
                pos + RECORD_HEADER, "no event in the record (data wiped or zeroed)");
          }
          walker.walk(nodes, v);
        }
        if (walker.elements() == 0) {
          throw new DamageException(
              pos + RECORD_HEADER, "record resolves to no XML (its values are zeroed)");
        }
        mapper.commit();
      } catch (DamageException e) {
        mapper.abort();
        long at = e.offset > 0 ? base + e.offset : base + pos;
        damage.add(new Damage(at, "record " + recordId + " skipped: " + e.getMessage()));
      } catch (RuntimeException e) {
        // Malformed input throws DamageException (every read is bounds-checked, nesting and
        // expansion are capped): anything else is a bug in this decoder, not damage in the file.
        mapper.abort();
        throw new DecoderBugException(null, base + pos, recordId, e);
      }
      pos = recordEnd;
    }
    return damage;
  }

  private static boolean hasElement(Node[] nodes) {
    for (Node n : nodes) {
      if (n instanceof Node.Element || n instanceof Node.Instance) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end of record data from the free space offset, checking the header and data CRC32s on the
   * way.
   */
  private static int checkedEnd(
      byte[] b, int length, long base, boolean verifyCrc, List<Damage> damage) {
    if (verifyCrc) {
      checkHeaderCrc(b, base, damage);
    }
    long free = LittleEndian.u32(b, 48, length);
    if (free < Chunk.HEADER_SIZE || free > Chunk.SIZE) {
      damage.add(
          new Damage(base + 48, "free space offset 0x" + Long.toHexString(free) + " out of range"));
      return length;
    }
    int end = (int) Math.min(free, length);
    if (verifyCrc && free <= length) {
      CRC32 crc = new CRC32();
      crc.update(b, Chunk.HEADER_SIZE, end - Chunk.HEADER_SIZE);
      int stored = LittleEndian.i32(b, 52, length);
      if ((int) crc.getValue() != stored) {
        damage.add(
            new Damage(
                base + 52,
                "record data CRC32 mismatch (stored 0x"
                    + Integer.toHexString(stored)
                    + ", computed 0x"
                    + Long.toHexString(crc.getValue())
                    + ")"));
      }
    }
    return end;
  }

  private static String skipped(int from, int next, int length) {
    return next < 0
        ? ", rest of chunk skipped"
        : ", skipped " + (next - from) + " bytes to the next record";
  }

  /**
   * The next offset holding a complete record frame (signature, sane size, matching size copy), or
   * -1.
   */
  private static int resync(byte[] b, int from, int length) {
    for (int p = from; p <= length - MIN_RECORD; p++) {
      if (b[p] == 0x2A
          && b[p + 1] == 0x2A
          && b[p + 2] == 0
          && b[p + 3] == 0
          && frameSize(b, p, length) > 0) {
        return p;
      }
    }
    return -1;
  }

  /** Size of a complete record frame at {@code p}, or -1. */
  private static long frameSize(byte[] b, int p, int length) {
    if (p > length - MIN_RECORD || LittleEndian.i32(b, p, length) != RECORD_MAGIC) {
      return -1;
    }
    long size = LittleEndian.u32(b, p + 4, length);
    if (size < MIN_RECORD
        || size > length - p
        || LittleEndian.u32(b, p + (int) size - 4, length) != size) {
      return -1;
    }
    return size;
  }

  private static void checkHeaderCrc(byte[] b, long base, List<Damage> damage) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    crc.update(b, 128, Chunk.HEADER_SIZE - 128);
    int stored = LittleEndian.i32(b, 124, Chunk.HEADER_SIZE);
    if ((int) crc.getValue() != stored) {
      damage.add(
          new Damage(
              base + 124,
              "chunk header CRC32 mismatch (stored 0x"
                  + Integer.toHexString(stored)
                  + ", computed 0x"
                  + Long.toHexString(crc.getValue())
                  + ")"));
    }
  }

  static boolean hasMagic(byte[] b) {
    for (int i = 0; i < CHUNK_MAGIC.length; i++) {
      if (b[i] != CHUNK_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
