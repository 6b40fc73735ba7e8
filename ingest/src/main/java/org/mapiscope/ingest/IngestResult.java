package org.mapiscope.ingest;

import java.util.List;
import org.mapiscope.model.InputSummary;

/**
 * What one ingestion run read.
 *
 * @param inputs one summary per input file, in the deterministic walk order (roots as given, folders
 *               and archive entries in natural name order), whatever the thread scheduling
 */
public record IngestResult(List<InputSummary> inputs) {

    public IngestResult {
        inputs = List.copyOf(inputs);
    }

    /**
     * Whether any file was in a known format (the CLI exits 2 when none was). A duplicate does not count
     * by itself: its original is in the same run and counts for both.
     */
    public boolean anythingRecognized() {
        return inputs.stream().anyMatch(i -> !InputSummary.UNRECOGNIZED.equals(i.format())
                && !Ingestor.REFUSED.equals(i.format()) && !Ingestor.MISSING.equals(i.format())
                && !Ingestor.DUPLICATE.equals(i.format()));
    }
}
