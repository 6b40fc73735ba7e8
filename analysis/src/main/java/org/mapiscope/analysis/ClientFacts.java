package org.mapiscope.analysis;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.EvidenceRef;

/**
 * Which clients, addresses and mailboxes the user's sessions came from, and the hungriest client.
 * One part of {@link UserFacts}, filled as the user's tracks are added.
 */
final class ClientFacts {

  /** Sessions opened per client (address, software, mode). */
  final Map<ClientKey, Integer> clientSessions = new TreeMap<>();

  /**
   * Clients the bounded per-server maps let go of (not in {@link #clientSessions}), and their
   * sessions.
   */
  int foldedClients;

  long foldedClientSessions;

  /** Client addresses, and those used on a single day only (VPN pools, roaming). */
  int addresses;

  int oneTimeAddresses;

  /** Other mailboxes logged on to (delegate logons, snapshot mailbox not the user's). */
  final TreeSet<String> otherMailboxes = new TreeSet<>();

  long otherMailboxCount;
  long delegateLogons;
  final TreeSet<String> serviceSoftware = new TreeSet<>();

  /** The client with the most sessions active at once, and when. */
  ClientKey hungryClient;

  int hungryPeak;
  Instant hungryAt;
  EvidenceRef hungryRef;
  final ExampleSample delegateExamples = new ExampleSample();
}
