package org.mapiscope.sim.scenario;

import java.util.OptionalLong;

/**
 * A group of identical users (or service accounts) and the way their clients behave.
 *
 * @param name unique within the scenario
 * @param kind ordinary users, or service accounts that open sessions for other mailboxes
 * @param users how many users (accounts) the population has
 * @param startsPerHour Poisson rate of client starts per user
 * @param sessionsPerStart sessions one client start opens; they all end together
 * @param holding how long a client stays (until it closes, or until it vanishes)
 * @param abandonProbability chance that a start ends without closing its sessions (VPN drop, sleep)
 * @param behindMiddlebox a WAN accelerator or proxy answers keepalive probes for these clients
 * @param middleboxIdleTimeoutMs when the middlebox drops an idle flow and so releases the sessions;
 *     empty means never (the default: such devices hold flows for as long as the server probes
 *     them)
 * @param mailboxes mailboxes a service account serves (its sessions log on to them); 0 for users
 * @param device laptops take a new VPN address on every start, desktops keep one address
 * @param clientSoftware the client process as RCA logs name it
 * @param objectLeak a leaking application in the clients, or {@code null}
 */
public record Population(
    String name,
    Kind kind,
    int users,
    double startsPerHour,
    int sessionsPerStart,
    HoldingTime holding,
    double abandonProbability,
    boolean behindMiddlebox,
    OptionalLong middleboxIdleTimeoutMs,
    int mailboxes,
    Device device,
    String clientSoftware,
    ObjectLeak objectLeak) {

  /** Ordinary mailbox users, or service accounts (BlackBerry, archiving, migration, monitoring). */
  public enum Kind {
    USER,
    SERVICE_ACCOUNT
  }

  /** Where a client connects from. */
  public enum Device {
    LAPTOP,
    DESKTOP
  }

  public static final int DEFAULT_SESSIONS_PER_START = 1;
  public static final int DEFAULT_SERVICE_MAILBOXES = 100;
  public static final String OUTLOOK = "OUTLOOK.EXE";

  /** MAPI/CDO as a service account's process shows up in RCA logs. */
  public static final String SERVICE_CLIENT = "MAPICDO";

  /** Mean client starts per user per millisecond. */
  public double startsPerMs() {
    return startsPerHour / 3_600_000.0;
  }
}
