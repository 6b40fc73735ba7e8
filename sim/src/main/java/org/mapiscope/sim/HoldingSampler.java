package org.mapiscope.sim;

import java.util.SplittableRandom;
import org.mapiscope.sim.scenario.HoldingTime;

/** Draws holding times in whole milliseconds from a {@link HoldingTime}. */
final class HoldingSampler {

  private final HoldingTime.Dist dist;
  private final double mean;
  private final double sigma;

  /** Location of the lognormal with the requested mean: mean = exp(mu + sigma²/2). */
  private final double mu;

  HoldingSampler(HoldingTime h) {
    this.dist = h.dist();
    this.mean = h.meanMs();
    this.sigma = h.sigma();
    this.mu = Math.log(mean) - sigma * sigma / 2;
  }

  long sample(SplittableRandom rng) {
    double x =
        switch (dist) {
          case EXPONENTIAL -> exponential(rng, mean);
          case LOGNORMAL -> Math.exp(mu + sigma * rng.nextGaussian());
          case FIXED -> mean;
        };
    return Math.round(x);
  }

  /** An exponential draw; 1 - u keeps the logarithm's argument in (0, 1]. */
  static double exponential(SplittableRandom rng, double mean) {
    return -mean * Math.log(1.0 - rng.nextDouble());
  }
}
