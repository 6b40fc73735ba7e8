package org.mapiscope.sim.scenario;

/**
 * How the emitted evidence was collected, beyond what the server logged (scenario key {@code
 * evidence}).
 *
 * @param overlappingEventExport besides the full 9646 export, write a second, earlier export that
 *     covers part of the same period again (the same events, record ids and computer), as an admin
 *     who exported twice hands over
 */
public record EvidenceOptions(boolean overlappingEventExport) {

  /** One export of everything. */
  public static final EvidenceOptions DEFAULT = new EvidenceOptions(false);
}
