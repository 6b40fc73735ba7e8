package org.mapiscope.model;

/**
 * One fact read from exported evidence. Every fact knows where it came from, so a finding can point
 * the admin at the exact file and line, record or offset.
 *
 * <p>Implementations are immutable records and safe to share between threads.
 */
public sealed interface Evidence
    permits LimitEvent, SessionEvent, ServiceRestart, LogonSnapshot, Setting, Connection {

  /** Where in the input this fact was read. */
  EvidenceRef ref();
}
