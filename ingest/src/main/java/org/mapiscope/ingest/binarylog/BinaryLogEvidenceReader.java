package org.mapiscope.ingest.binarylog;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.DataItem;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.eventlog.LimitEventParser;
import org.mapiscope.model.EvidenceRef;

/**
 * Shared reading of binary event logs (.evtx, .evt): every record is counted, Event 9646 records
 * become {@code LimitEvent} from their insertion strings (binary logs never carry the message text)
 * with their record number, and each damaged spot the reader reports is listed with its file
 * offset.
 */
abstract sealed class BinaryLogEvidenceReader implements FormatReader
    permits EvtxEvidenceReader, EvtEvidenceReader {

  /** An open file's records and what to close after them. */
  interface RecordSource extends Closeable {
    Iterator<EventRecord> records();
  }

  /** Opens the records of a local file, reporting damage to the listener. */
  abstract RecordSource open(Path file, DamageListener damage) throws IOException;

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    String name = input.displayPath();
    DamageListener damage =
        (offset, message) -> context.skip(EvidenceRef.offset(name, offset), message);
    try (LocalCopy copy = LocalCopy.of(input);
        RecordSource source = open(copy.path(), damage)) {
      Iterator<EventRecord> records = source.records();
      while (records.hasNext()) {
        accept(records.next(), input, context);
      }
    }
  }

  private static void accept(EventRecord record, InputFile input, ReadContext context) {
    if (!LimitEventParser.isLimitEvent(record.provider(), record.eventId())) {
      context.count();
      return;
    }
    EvidenceRef ref = EvidenceRef.record(input.displayPath(), record.recordId());
    Instant time = record.timeCreated() != null ? record.timeCreated() : record.written();
    if (time == null) {
      context.skip(ref, "Event 9646 without a time");
      return;
    }
    String server = record.computer() != null ? record.computer() : input.serverHint();
    List<String> strings = new ArrayList<>(record.data().size());
    for (DataItem item : record.data()) {
      if (!(item.value() instanceof byte[])) { // the [DIAG_CTX] binary is no insertion string
        strings.add(item.value() == null ? "" : String.valueOf(item.value()));
      }
    }
    LimitEventParser.fromInsertionStrings(time, server, strings, ref)
        .map(e -> e.withRecordId(record.recordId()))
        .ifPresentOrElse(
            context::emit,
            () ->
                context.skip(
                    ref,
                    "Event 9646 without the expected insertion strings (identity, limit, object"
                        + " type)"));
  }
}
