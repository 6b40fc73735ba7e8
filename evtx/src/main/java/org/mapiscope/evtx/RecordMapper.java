package org.mapiscope.evtx;

/**
 * Turns each record's resolved XML into a chunk's result (a list of records, or encoded bytes). One
 * mapper per worker thread; it reuses its buffers from record to record.
 *
 * @param <R> what one chunk gives
 */
interface RecordMapper<R> {

  /** Starts a record and returns the visitor that receives its XML. */
  RawVisitor begin(long recordId, long writtenFileTime, long fileOffset);

  /**
   * Takes a usual record (one template instance, values checked) without a walk, when this mapper
   * can; false to have it walked and visited instead.
   */
  default boolean direct(FragmentParser parser, byte[] chunk, Node.Instance record, long recordId) {
    return false;
  }

  /** The record just visited is complete. */
  void commit();

  /** The record just visited is damaged: drop whatever it produced. */
  void abort();

  /**
   * The chunk's result so far, or {@code null} when it has no records; starts the next chunk
   * afresh.
   */
  R take();
}
