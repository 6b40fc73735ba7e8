package org.mapiscope.ingest;

/**
 * Told how far ingestion is, for a progress bar. Called after each input file, never concurrently,
 * from whichever thread finished the file; an implementation must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = p -> {};

  void update(Progress progress);

  /**
   * @param filesDone input files read or given up on so far
   * @param filesTotal input files found (nested archives count as one until they are opened)
   * @param bytesDone stored bytes of the files done (compressed size for archive entries)
   * @param bytesTotal stored bytes of all files found
   * @param current the file just finished, as shown to users
   */
  record Progress(
      long filesDone, long filesTotal, long bytesDone, long bytesTotal, String current) {}
}
