package org.mapiscope.sim.whatif;

/**
 * One user's counts; {@code user}, {@code observed}, {@code predicted} are the docs/simulator.md
 * keys.
 *
 * @param attempts sessions and refused attempt streams replayed
 * @param minimalLimit the smallest session limit under which this user gets no 9646 with the new
 *     keepalive (the number {@code analyze} sizes a raise from, before its margin)
 * @param note why the prediction needs a caveat, or {@code null}
 */
public record UserWhatIf(
    String user,
    long observed,
    long predicted,
    long observedFailedConnects,
    long predictedFailedConnects,
    long attempts,
    int minimalLimit,
    String note) {

  /** The evidence holds refusals of the user but none of their sessions: predicted as observed. */
  public static final String NO_SESSIONS =
      "no sessions of this user in the evidence: the refusals cannot be "
          + "replayed, so they are predicted as observed";

  /** A higher limit for a user whose vanished clients leave sessions behind. */
  public static final String ONLY_DELAYED =
      "a higher limit only delays these refusals: sessions of vanished clients keep piling up until"
          + " they reach it; fix the clients and lower KeepAliveTime instead";

  /** Counts without a note. */
  public UserWhatIf(
      String user,
      long observed,
      long predicted,
      long observedFailedConnects,
      long predictedFailedConnects,
      long attempts,
      int minimalLimit) {
    this(
        user,
        observed,
        predicted,
        observedFailedConnects,
        predictedFailedConnects,
        attempts,
        minimalLimit,
        null);
  }
}
