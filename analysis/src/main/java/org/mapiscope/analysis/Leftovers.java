package org.mapiscope.analysis;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sessions the server kept for clients that were gone: reaped, still open, held by a middlebox, run
 * down. One part of {@link UserFacts}, filled as the user's tracks are added.
 */
final class Leftovers {

  /** Dead-client sessions outside middleboxes reaped about keepalive after the client moved on. */
  int reaped;

  /** Dead-client sessions still open at the end of the evidence, long enough after the move. */
  int openStale;

  /** The part of reaped + openStale left by a new start on the same machine rather than a move. */
  int restartStale;

  final Map<String, Integer> staleByServer = new TreeMap<>();

  /** Sessions held far beyond keepalive at a middlebox address (those addresses below). */
  int held;

  final TreeSet<String> middleboxAddresses = new TreeSet<>();
  String middleboxServer;

  /** Sessions the server ran down (NetworkRundown): their clients were gone. */
  long rundowns;

  /** Sessions a service restart ended. */
  long endedByRestart;

  final ExampleSample moved = new ExampleSample();
  final ExampleSample reapedExamples = new ExampleSample();
  final ExampleSample heldExamples = new ExampleSample();
  final ExampleSample rundownExamples = new ExampleSample();
}
