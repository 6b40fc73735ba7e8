package org.mapiscope.ingest.archive;

import java.io.IOException;

/**
 * An archive entry was refused: it expands too much, the run's expansion budget is spent, or it
 * nests too deep.
 */
public final class ArchiveLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveLimitException(String message) {
    super(message);
  }
}
