package org.mapiscope.analysis;

/**
 * Every confidence a finding can carry, in one table: a base per cause and the evidence that adds
 * to it (docs/diagnosis.md, "Cause rules", lists the same numbers). A finding's confidence is its
 * base plus the signals present, at most {@link #MAX}: no evidence export makes a cause certain.
 */
enum Confidence {
  LEAK(0.9),

  SERVICE_ACCOUNT(0.7),
  SERVICE_SOFTWARE(0.15),
  SERVICE_REFUSED(0.1),

  MIDDLEBOX(0.75),
  MIDDLEBOX_REFUSED(0.1),
  MIDDLEBOX_NETSTAT_AGREES(0.05),

  HUNGRY_OTHER_PROGRAM(0.85),
  HUNGRY_OUTLOOK(0.7),
  HUNGRY_HELD_HALF_AT_REFUSAL(0.1),

  DEAD_REFUSED(0.7),
  DEAD_WARNING(0.45),
  DEAD_MOSTLY_REAPED(0.15),
  DEAD_ROAMING(0.1),
  DEAD_LEFTOVERS_AT_REFUSAL(0.05),

  NEED(0.65),
  NEED_FIXED_ADDRESSES(0.1),
  NEED_WITH_9646(0.1),

  KEEPALIVE_READ(0.9),
  KEEPALIVE_EXPORT_WITHOUT(0.85),
  KEEPALIVE_ASSUMED(0.6),

  /** A cause the evidence cannot decide (below every decided finding). */
  UNDECIDED(0.3);

  /** The most any finding is given. */
  static final double MAX = 0.95;

  final double weight;

  Confidence(double weight) {
    this.weight = weight;
  }

  /** The base plus the signals given ({@code null} for a signal absent), capped at {@link #MAX}. */
  static double of(Confidence base, Confidence... signals) {
    double sum = base.weight;
    for (Confidence s : signals) {
      if (s != null) {
        sum += s.weight;
      }
    }
    return Math.min(MAX, Math.round(sum * 1000) / 1000.0);
  }
}
