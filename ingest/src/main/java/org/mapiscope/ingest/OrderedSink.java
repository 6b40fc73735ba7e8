package org.mapiscope.ingest;

import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceSink;

/**
 * Hands evidence to the caller's sink one batch at a time under one lock, so the sink is never
 * called concurrently and each worker's evidence arrives in the order it was read. Batching keeps
 * the lock off the per-record path; memory is one batch per worker.
 */
final class OrderedSink {

  static final int BATCH = 1024;

  private final EvidenceSink sink;
  private final Object lock = new Object();

  OrderedSink(EvidenceSink sink) {
    this.sink = sink;
  }

  Batch newBatch() {
    return new Batch();
  }

  /** One worker's pending evidence. Not thread-safe. */
  final class Batch {
    private final Evidence[] pending = new Evidence[BATCH];
    private int size;

    void add(Evidence evidence) {
      pending[size++] = evidence;
      if (size == pending.length) {
        flush();
      }
    }

    void flush() {
      if (size == 0) {
        return;
      }
      synchronized (lock) {
        try {
          for (int i = 0; i < size; i++) {
            sink.accept(pending[i]);
          }
        } catch (RuntimeException e) {
          throw new SinkFailure(e);
        } finally {
          java.util.Arrays.fill(pending, 0, size, null);
          size = 0;
        }
      }
    }
  }

  /**
   * The caller's sink failed: a bug outside ingestion, so it ends the run instead of being blamed
   * on a file.
   */
  static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(RuntimeException cause) {
      super("the evidence sink failed: " + cause, cause);
    }
  }
}
