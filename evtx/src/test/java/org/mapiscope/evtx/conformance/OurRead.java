package org.mapiscope.evtx.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.EvtxParser;

/** Our EVTX reader's records and damage reports for one file. */
record OurRead(List<EventRecord> records, List<String> damage) {

  static OurRead of(Path file) throws IOException {
    List<String> damage = new ArrayList<>();
    List<EventRecord> records = new ArrayList<>();
    try (EvtxParser reader =
        EvtxParser.open(file, (offset, message) -> damage.add(offset + ": " + message))) {
      reader.forEach(records::add);
    }
    return new OurRead(records, damage);
  }
}
