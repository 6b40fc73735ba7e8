package org.mapiscope.evtx.evt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.evtx.EventRecord;

/** Reads every record of an {@code .evt} file and collects the damage reports. */
record ReadAll(List<EventRecord> records, List<String> damage, EvtHeader header) {

  static ReadAll of(Path file) throws IOException {
    List<EventRecord> records = new ArrayList<>();
    List<String> damage = new ArrayList<>();
    try (EvtParser reader =
        EvtParser.open(file, (offset, message) -> damage.add(offset + ": " + message))) {
      for (EventRecord r; (r = reader.next()) != null; ) {
        records.add(r);
      }
      return new ReadAll(records, damage, reader.header());
    }
  }

  static ReadAll of(Path dir, String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return of(file);
  }

  List<Long> ids() {
    return records.stream().map(EventRecord::recordId).toList();
  }
}
