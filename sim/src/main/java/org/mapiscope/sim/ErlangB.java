package org.mapiscope.sim;

/**
 * The Erlang B loss formula: the share of attempts an M/G/c/c system rejects, for any holding-time
 * distribution with the given mean (insensitivity). The simulator is validated against it.
 */
public final class ErlangB {

  private ErlangB() {}

  /**
   * @param servers c, the session limit
   * @param offeredLoad a = arrival rate × mean holding time, in Erlang
   * @return B(c, a), computed with the stable recurrence B(k) = a·B(k−1) / (k + a·B(k−1))
   */
  public static double blocking(int servers, double offeredLoad) {
    if (servers < 0 || offeredLoad < 0) {
      throw new IllegalArgumentException("servers and load must not be negative");
    }
    double b = 1.0;
    for (int k = 1; k <= servers; k++) {
      b = offeredLoad * b / (k + offeredLoad * b);
    }
    return b;
  }
}
