package org.mapiscope.sim.scenario;

/**
 * How long a client that ends cleanly stays connected, and how long a vanishing client is active
 * before it disappears.
 *
 * @param dist the distribution family
 * @param meanMs the mean in milliseconds, above zero
 * @param sigma the lognormal shape (standard deviation of the log), ignored by the other families
 */
public record HoldingTime(Dist dist, long meanMs, double sigma) {

  /** Distribution families of a holding time. */
  public enum Dist {
    EXPONENTIAL,
    LOGNORMAL,
    FIXED
  }

  /** Default lognormal shape (docs/simulator.md). */
  public static final double DEFAULT_SIGMA = 1.0;
}
