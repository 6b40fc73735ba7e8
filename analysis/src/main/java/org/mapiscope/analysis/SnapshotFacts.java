package org.mapiscope.analysis;

import java.time.Instant;

/**
 * What logon snapshots (Get-LogonStatistics, Exchange_Logon) show of the user. One part of {@link
 * UserFacts}, filled as the user's tracks are added.
 */
final class SnapshotFacts {

  /** Logons in the fullest capture, where and when. */
  int snapshotLogons;

  /** Most logons in use (recently accessed) in one capture. */
  int snapshotRecent;

  /** Most logons left behind (idle beside fresh ones) in one capture. */
  int snapshotStale;

  Instant snapshotAt;
  String snapshotServer;

  /** The machine with the most logons in use in one capture. */
  String hungryMachine;

  int hungryMachineCount;
  Instant hungryMachineAt;
  final ExampleSample snapshotStaleExamples = new ExampleSample();
  final ExampleSample snapshotHungryExamples = new ExampleSample();
}
