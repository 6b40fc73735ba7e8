package org.mapiscope.analysis;

import java.util.List;

/**
 * The numbers to change.
 *
 * @param keepAliveTimeMs recommended KeepAliveTime, or {@code null} when no change is needed
 * @param sessionLimit raised limits, only where legitimate demand exceeds the limit; usually empty
 */
public record Recommendations(Long keepAliveTimeMs, List<SessionLimit> sessionLimit) {

  public Recommendations {
    sessionLimit = List.copyOf(sessionLimit);
  }

  /**
   * A raised limit for one subject.
   *
   * @param scope {@link Finding.Scope#ACCOUNT} (2010+ throttling policy) or {@link
   *     Finding.Scope#SERVER} (2003/2007 registry); JSON writes {@code account} or {@code server}
   * @param subject user key or server
   * @param current the limit now
   * @param recommended the smallest value that covers the observed legitimate demand plus the
   *     margin
   * @param basis how it was computed, in words (peak active sessions, rejected attempts, margin)
   * @param demand the smallest limit that refuses none of the attempts in the evidence (what {@code
   *     whatif} reports as the user's minimal limit); {@code recommended} adds the margin
   */
  public record SessionLimit(
      Finding.Scope scope, String subject, int current, int recommended, String basis, int demand) {

    /** A raise without a computed demand (recommended less the smallest margin). */
    public SessionLimit(
        Finding.Scope scope, String subject, int current, int recommended, String basis) {
      this(scope, subject, current, recommended, basis, recommended);
    }
  }
}
