package org.mapiscope.analysis;

import java.time.Instant;

/**
 * What the caller knows that the evidence may not say.
 *
 * @param versionHint the Exchange version when the admin knows it, or {@code null} to infer it from
 *     the evidence ({@link VersionVerdict})
 * @param endOfEvidence when the evidence ends (sessions still open then are "still open at the end
 *     of the logs"), or {@code null} to use, per server, the latest time seen
 */
public record AnalysisOptions(ExchangeVersion versionHint, Instant endOfEvidence) {

  /** Nothing known beyond the evidence. */
  public static AnalysisOptions inferAll() {
    return new AnalysisOptions(null, null);
  }
}
