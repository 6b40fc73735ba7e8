package org.mapiscope.sim.scenario;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * The causes of docs/domain.md that a scenario's populations put into the evidence, so a diagnosis
 * of the emitted evidence can be checked against what was simulated: the same {@link Cause} codes
 * the analysis reports. A cause is injected when its behaviour is present; whether it leads to 9646
 * depends on the load.
 */
public final class InjectedCauses {

  private InjectedCauses() {}

  /**
   * One client opening this many sessions at once is far beyond Outlook's handful (docs/domain.md).
   */
  public static final int HUNGRY_SESSIONS_PER_START = 8;

  /** The causes one population's behaviour injects on a server with this session limit. */
  public static Set<Cause> of(Population p, Server server) {
    Set<Cause> causes = EnumSet.noneOf(Cause.class);
    if (p.abandonProbability() > 0) {
      // Behind a middlebox keepalive cannot reap the vanished clients: that is the middlebox's
      // doing.
      causes.add(p.behindMiddlebox() ? Cause.MIDDLEBOX_HOLDING : Cause.DEAD_CLIENT_SESSIONS);
    }
    if (p.kind() == Population.Kind.SERVICE_ACCOUNT) {
      causes.add(Cause.SERVICE_ACCOUNT_NEED);
    } else if (p.sessionsPerStart() >= HUNGRY_SESSIONS_PER_START) {
      causes.add(Cause.SESSION_HUNGRY_CLIENT);
    }
    if (p.objectLeak() != null && p.objectLeak().perHour() > 0) {
      causes.add(Cause.OBJECT_LEAK);
    }
    if (causes.isEmpty() && offeredSessions(p) >= server.sessionLimit()) {
      // Every session is live and closed cleanly, yet on average the user wants more than the cap.
      causes.add(Cause.LIMIT_BELOW_NEED);
    }
    return causes;
  }

  /**
   * Mean sessions a user of the population wants open at once (Little's law: starts per hour ×
   * sessions per start × mean holding), the offered load of docs/simulator.md's loss system.
   */
  public static double offeredSessions(Population p) {
    return p.startsPerMs() * p.sessionsPerStart() * p.holding().meanMs();
  }

  /**
   * Server-scope causes: a keepalive above HealthChecker's range while dead client sessions occur.
   */
  public static Set<Cause> ofServer(Scenario s) {
    boolean dead =
        s.populations().stream()
            .anyMatch(p -> of(p, s.server()).contains(Cause.DEAD_CLIENT_SESSIONS));
    return dead && s.server().keepAliveTimeMs() > ExchangeDefaults.KEEP_ALIVE_HEALTHCHECKER_MAX_MS
        ? EnumSet.of(Cause.KEEPALIVE_TOO_LONG)
        : EnumSet.noneOf(Cause.class);
  }

  /** Population name → the causes it injects, in scenario order. */
  public static Map<String, Set<Cause>> byPopulation(Scenario s) {
    Map<String, Set<Cause>> out = new LinkedHashMap<>();
    s.populations().forEach(p -> out.put(p.name(), of(p, s.server())));
    return out;
  }
}
