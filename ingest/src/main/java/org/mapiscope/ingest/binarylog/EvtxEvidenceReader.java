package org.mapiscope.ingest.binarylog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.EvtxParser;
import org.mapiscope.ingest.Sniff;

/**
 * Windows XML Event Log files ({@code Application.evtx}), detected by their {@code ElfFile}
 * signature, or by the {@code ElfChnk} signature of the first chunk when the file header is
 * damaged.
 */
public final class EvtxEvidenceReader extends BinaryLogEvidenceReader {

  private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHUNK_SIGNATURE = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
  private static final int FIRST_CHUNK = 4096;

  @Override
  public String format() {
    return "evtx";
  }

  @Override
  public boolean detect(Sniff sniff) {
    return sniff.startsWith(SIGNATURE) || hasFirstChunk(sniff.head());
  }

  /**
   * A file whose header was overwritten is still EVTX when its first chunk follows the 4096-byte
   * header: the reader recovers the records and reports the header damage at offset 0.
   */
  private static boolean hasFirstChunk(byte[] head) {
    if (head.length < FIRST_CHUNK + CHUNK_SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < CHUNK_SIGNATURE.length; i++) {
      if (head[FIRST_CHUNK + i] != CHUNK_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  RecordSource open(Path file, DamageListener damage) throws IOException {
    EvtxParser reader = EvtxParser.open(file, damage);
    return new RecordSource() {
      @Override
      public Iterator<EventRecord> records() {
        return reader.records();
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
