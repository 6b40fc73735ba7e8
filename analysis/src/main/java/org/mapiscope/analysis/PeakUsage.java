package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.TreeSet;

/**
 * How many sessions the user held at most, when and where. One part of {@link UserFacts}, filled as
 * the user's tracks are added.
 */
final class PeakUsage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Servers whose RCA logs hold sessions of the user. */
  final TreeSet<String> sessionServers = new TreeSet<>();

  /** Most sessions open at once, when and on which server; and most of them active. */
  int peakOpen;

  Instant peakAt;
  String peakServer;
  int peakActive;

  /** Open/active counts over time on the peak's server, for charts. */
  Timeline timeline;
}
