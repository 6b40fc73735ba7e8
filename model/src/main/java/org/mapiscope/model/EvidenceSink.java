package org.mapiscope.model;

/**
 * Receives evidence as it is read. Readers call it from their own thread; an implementation that is
 * shared between readers must be thread-safe or be given one instance per file.
 */
@FunctionalInterface
public interface EvidenceSink {

  void accept(Evidence evidence);
}
