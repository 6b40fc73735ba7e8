package org.mapiscope.ingest;

import java.util.List;
import org.mapiscope.model.InputSummary;

/**
 * What one ingestion run read.
 *
 * @param inputs one summary per input file, in the deterministic walk order (roots as given,
 *     folders and archive entries in natural name order), whatever the thread scheduling
 */
public record IngestResult(List<InputSummary> inputs) {

  public IngestResult {
    inputs = List.copyOf(inputs);
  }

  /**
   * Whether any file was read in a known format ({@link org.mapiscope.model.InputOutcome#READ});
   * the CLI exits 2 when none was. Unrecognized, refused, missing, unreadable (a damaged zip) and
   * not-followed inputs do not count; a duplicate does not count by itself: its original is in the
   * same run.
   */
  public boolean anythingRecognized() {
    return inputs.stream().anyMatch(InputSummary::wasRead);
  }
}
