package org.mapiscope.analysis;

import java.time.Instant;
import java.util.List;

/**
 * The numbers behind a finding, typed per cause, so scripts and tests read facts rather than the
 * summary's words. Every summary sentence is built from the same values. JSON writes them as {@code
 * findings[].facts} with a {@code kind}.
 */
public sealed interface FindingFacts {

  /**
   * DEAD_CLIENT_SESSIONS.
   *
   * @param leftBehind sessions left behind over the period (run down, reaped after a move, still
   *     open after one, idle snapshot logons)
   * @param runDown of those, sessions the server ran down (NetworkRundown)
   * @param reapedAfterMove of those, sessions that ended about the dead-peer time after the user
   *     moved on
   * @param stillOpen of those, sessions still open at the end of the evidence long after the move
   * @param addresses client addresses the user connected from
   * @param oneTimeAddresses of those, addresses used on one day only
   * @param openAtRefusal sessions held at the worst refusal, or {@code null} without a covered
   *     refusal
   * @param leftoversAtRefusal of those, sessions of vanished clients, or {@code null}
   * @param keepAliveTimeMs KeepAliveTime in force on the user's server
   */
  record DeadClients(
      int leftBehind,
      long runDown,
      int reapedAfterMove,
      int stillOpen,
      int addresses,
      int oneTimeAddresses,
      Integer openAtRefusal,
      Integer leftoversAtRefusal,
      long keepAliveTimeMs)
      implements FindingFacts {}

  /**
   * SESSION_HUNGRY_CLIENT.
   *
   * @param client the client's address (or machine name from a snapshot)
   * @param software its program, or {@code null}
   * @param activeAtOnce sessions it held active at once
   * @param at when
   * @param fromSnapshot seen in a logon snapshot rather than the RCA logs
   */
  record HungryClient(
      String client, String software, int activeAtOnce, Instant at, boolean fromSnapshot)
      implements FindingFacts {}

  /**
   * MIDDLEBOX_HOLDING.
   *
   * @param address the device's address
   * @param users users whose sessions it held
   * @param held this user's sessions held far beyond keepalive
   * @param established most established connections netstat showed from the address (0 without
   *     netstat)
   */
  record Middlebox(String address, int users, int held, int established) implements FindingFacts {}

  /**
   * SERVICE_ACCOUNT_NEED.
   *
   * @param otherMailboxes other mailboxes the account logged on to
   * @param software service-like programs it used
   * @param peakActive most sessions active at once
   * @param demand the smallest limit its refusals prove, or {@code null} without refusals
   * @param recommended what its own policy should allow, or {@code null}
   */
  record ServiceAccount(
      long otherMailboxes,
      List<String> software,
      int peakActive,
      Integer demand,
      Integer recommended)
      implements FindingFacts {

    public ServiceAccount {
      software = List.copyOf(software);
    }
  }

  /**
   * LIMIT_BELOW_NEED.
   *
   * @param demand the smallest limit that refuses none of the user's attempts
   * @param limit the limit in force
   * @param recommended demand plus the margin
   * @param at the refusal that proves it
   */
  record LimitBelowNeed(int demand, int limit, int recommended, Instant at)
      implements FindingFacts {}

  /**
   * OBJECT_LEAK.
   *
   * @param caps the object caps exceeded
   */
  record ObjectLeak(List<ObjectCap> caps) implements FindingFacts {

    public ObjectLeak {
      caps = List.copyOf(caps);
    }
  }

  /**
   * One object cap exceeded.
   *
   * @param objectType as logged
   * @param limit the cap
   * @param events Event 9646 for it
   */
  record ObjectCap(String objectType, int limit, long events) {}

  /**
   * KEEPALIVE_TOO_LONG.
   *
   * @param keepAliveTimeMs the value in force
   * @param read read from a registry export (else absent: the Windows default)
   * @param usersWithLeftovers users on the server whose vanished clients left sessions behind
   * @param recommendedMs the value recommended
   */
  record KeepAliveTooLong(
      long keepAliveTimeMs, boolean read, int usersWithLeftovers, long recommendedMs)
      implements FindingFacts {}

  /**
   * A cause the evidence cannot decide (confidence {@link UndecidedRule#UNDECIDED}).
   *
   * @param sessionEvidence whether RCA logs of the user were read at all
   * @param covered whether they cover a refusal
   * @param serviceCapOnly whether all the user's 9646 name the service-session cap
   */
  record Undecided(boolean sessionEvidence, boolean covered, boolean serviceCapOnly)
      implements FindingFacts {}
}
