package org.mapiscope.ingest;

import java.util.Objects;
import java.util.function.Supplier;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceSink;

/**
 * Hands evidence to the caller's sink one batch at a time, each worker's evidence in the order it
 * was read. Two ways: {@link #shared} calls one sink under one lock, so it is never called
 * concurrently; {@link #perWorker} gives each worker thread a sink of its own, called only from
 * that thread and without a lock. Batching keeps the lock off the per-record path; memory is one
 * batch per worker.
 */
final class OrderedSink {

  static final int BATCH = 1024;

  private final EvidenceSink sink;
  private final ThreadLocal<Batch> workerBatches;
  private final Object lock = new Object();

  private OrderedSink(EvidenceSink sink, Supplier<? extends EvidenceSink> workerSinks) {
    this.sink = sink;
    this.workerBatches =
        workerSinks == null
            ? null
            : ThreadLocal.withInitial(
                () -> new Batch(Objects.requireNonNull(workerSinks.get(), "worker sink"), null));
  }

  /** One sink for every worker, called under one lock. */
  static OrderedSink shared(EvidenceSink sink) {
    return new OrderedSink(Objects.requireNonNull(sink, "sink"), null);
  }

  /** A sink per worker thread from {@code workerSinks}, asked once by each thread that reads. */
  static OrderedSink perWorker(Supplier<? extends EvidenceSink> workerSinks) {
    return new OrderedSink(null, Objects.requireNonNull(workerSinks, "workerSinks"));
  }

  /** The calling worker's batch (its own one, reused across files, when sinks are per worker). */
  Batch newBatch() {
    return workerBatches != null ? workerBatches.get() : new Batch(sink, lock);
  }

  /** One worker's pending evidence. Not thread-safe. */
  final class Batch {
    private final Evidence[] pending = new Evidence[BATCH];
    private final EvidenceSink target;

    /** The lock shared with other workers' batches, or null for a worker's own sink. */
    private final Object targetLock;

    private int size;

    private Batch(EvidenceSink target, Object targetLock) {
      this.target = target;
      this.targetLock = targetLock;
    }

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
      if (targetLock == null) {
        deliver();
      } else {
        synchronized (targetLock) {
          deliver();
        }
      }
    }

    private void deliver() {
      try {
        for (int i = 0; i < size; i++) {
          target.accept(pending[i]);
        }
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      } finally {
        java.util.Arrays.fill(pending, 0, size, null);
        size = 0;
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
