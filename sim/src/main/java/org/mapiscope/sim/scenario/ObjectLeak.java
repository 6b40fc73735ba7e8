package org.mapiscope.sim.scenario;

/**
 * An application in a population's clients that leaks MAPI objects of one type inside its sessions
 * (docs/domain.md, OBJECT_LEAK): each user's leaking client runs into the per-session cap for that
 * type about {@code perHour} times an hour, and each time the store logs one Event 9646 for the
 * type.
 *
 * @param objectType the object type as Event 9646 names it, e.g. {@code objtFolder}
 * @param limit the per-session cap logged with the event (the type's default from {@code
 *     ExchangeDefaults.OBJECT_LIMITS})
 * @param perHour Poisson rate of such events per user
 */
public record ObjectLeak(String objectType, int limit, double perHour) {

  /** Mean events per user per millisecond. */
  public double perMs() {
    return perHour / 3_600_000.0;
  }
}
