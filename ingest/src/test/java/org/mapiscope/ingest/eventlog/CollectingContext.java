package org.mapiscope.ingest.eventlog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;

/** A {@link ReadContext} that keeps everything a reader reports, for assertions. */
final class CollectingContext implements ReadContext {

    record Skip(EvidenceRef where, String message) {
    }

    final List<Evidence> emitted = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    int counted;
    private final ZoneId zone;

    CollectingContext(ZoneId zone) {
        this.zone = zone;
    }

    CollectingContext() {
        this(ZoneId.of("UTC"));
    }

    @Override
    public void emit(Evidence evidence) {
        emitted.add(evidence);
    }

    @Override
    public void count() {
        counted++;
    }

    @Override
    public void skip(EvidenceRef where, String message) {
        skipped.add(new Skip(where, message));
    }

    @Override
    public ZoneId timezone() {
        return zone;
    }
}
