package org.mapiscope.ingest;

import java.time.ZoneId;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;

/**
 * What a {@link FormatReader} reports to while reading one input. Not thread-safe: one per input.
 */
public interface ReadContext {

  /** Hands one good record on; counts it. */
  void emit(Evidence evidence);

  /**
   * Counts a record that was read but carries nothing of interest (an event other than 9646, a
   * comment row…).
   */
  void count();

  /**
   * Counts a broken record and keeps the reason (the first {@code InputSummary.MAX_ERRORS} are
   * kept).
   */
  void skip(EvidenceRef where, String message);

  /**
   * The zone for local times in exports that carry no zone (Event Viewer CSV/TXT, culture-formatted
   * dates).
   */
  ZoneId timezone();
}
