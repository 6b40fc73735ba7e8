package org.mapiscope.ingest.binarylog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.evt.EvtParser;
import org.mapiscope.ingest.Sniff;

/**
 * Legacy Windows 2000/2003 event logs ({@code AppEvent.evt}), detected by their header: size 0x30
 * followed by the {@code LfLe} signature.
 */
public final class EvtEvidenceReader extends BinaryLogEvidenceReader {

  private static final int HEADER_SIZE = 0x30;
  private static final byte[] LFLE = {'L', 'f', 'L', 'e'};

  @Override
  public String format() {
    return "evt";
  }

  @Override
  public boolean detect(Sniff sniff) {
    byte[] h = sniff.head();
    if (h.length < 8 || (h[0] & 0xFF) != HEADER_SIZE || h[1] != 0 || h[2] != 0 || h[3] != 0) {
      return false;
    }
    for (int i = 0; i < LFLE.length; i++) {
      if (h[4 + i] != LFLE[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  RecordSource open(Path file, DamageListener damage) throws IOException {
    EvtParser reader = EvtParser.open(file, damage);
    Iterator<EventRecord> records = reader.stream().iterator();
    return new RecordSource() {
      @Override
      public Iterator<EventRecord> records() {
        return records;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
