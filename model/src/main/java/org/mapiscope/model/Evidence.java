package org.mapiscope.model;

import java.io.Serializable;

/**
 * One fact read from exported evidence. Every fact knows where it came from, so a finding can point
 * the admin at the exact file and line, record or offset.
 *
 * <p>Implementations are immutable records and safe to share between threads, and serializable:
 * analysis state that holds them moves between the machines of a fleet job.
 */
public sealed interface Evidence extends Serializable
    permits LimitEvent, SessionEvent, ServiceRestart, LogonSnapshot, Setting, Connection {

  /** Where in the input this fact was read. */
  EvidenceRef ref();
}
