package org.mapiscope.sim.scenario;

import java.util.Locale;

/**
 * How much work a scenario asks for, known before it runs: the expected session attempts, users ×
 * startsPerHour × sessionsPerStart × hours summed over the populations. The engine handles a few
 * events per attempt (bench/sim: about 6 million events a second on one core), and the evidence
 * emitter writes about 1.1 KB of RCA log per session, so the estimate bounds both the run time and
 * the size of emitted evidence. Thread-safe.
 *
 * @param sessionAttempts the expected number of session attempts over the whole run
 */
public record WorkEstimate(double sessionAttempts) {

  /**
   * The most session attempts {@code simulate} runs without being forced: about a minute of
   * simulation on one core.
   */
  public static final double MAX_SESSION_ATTEMPTS = 100_000_000d;

  /**
   * The most session attempts {@code simulate --emit-evidence} writes without being forced: about 1
   * GB of logs.
   */
  public static final double MAX_EMITTED_SESSION_ATTEMPTS = 1_000_000d;

  /** The expected work of {@code scenario}. */
  public static WorkEstimate of(Scenario scenario) {
    double hours = scenario.durationMs() / 3_600_000d;
    double attempts = 0;
    for (Population p : scenario.populations()) {
      attempts += (double) p.users() * p.startsPerHour() * p.sessionsPerStart() * hours;
    }
    return new WorkEstimate(attempts);
  }

  /** Whether the run stays within the bound for a plain run, or for a run that emits evidence. */
  public boolean withinBound(boolean emitting) {
    return sessionAttempts <= bound(emitting);
  }

  /** The bound that applies. */
  public static double bound(boolean emitting) {
    return emitting ? MAX_EMITTED_SESSION_ATTEMPTS : MAX_SESSION_ATTEMPTS;
  }

  /**
   * A count for messages: {@code 2,400,000,000} or {@code 3.5e+15} when beyond what a long reads
   * well.
   */
  public static String format(double n) {
    return n < 1e15
        ? String.format(Locale.ROOT, "%,.0f", n)
        : String.format(Locale.ROOT, "%.1e", n);
  }
}
