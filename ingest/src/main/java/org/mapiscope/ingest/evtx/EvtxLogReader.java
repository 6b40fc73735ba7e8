package org.mapiscope.ingest.evtx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.EvtxReader;
import org.mapiscope.ingest.Sniff;

/** Windows XML Event Log files ({@code Application.evtx}), detected by their {@code ElfFile} signature. */
public final class EvtxLogReader extends BinaryEventLogReader {

    private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String format() {
        return "evtx";
    }

    @Override
    public boolean detect(Sniff sniff) {
        return sniff.startsWith(SIGNATURE);
    }

    @Override
    RecordSource open(Path file, DamageListener damage) throws IOException {
        EvtxReader reader = EvtxReader.open(file, damage);
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
