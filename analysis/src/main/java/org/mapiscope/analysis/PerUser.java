package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Runs the per-user steps of the conclusions (facts, diagnosis, session rows) on several threads.
 * Each user's step reads that user's tracks only, and the results keep the users' order, so the
 * outcome is the same with any number of threads.
 */
final class PerUser {

  /** Fewer users than this are done on the calling thread: a pool costs more than it saves. */
  private static final int MIN_PARALLEL = 256;

  private final int threads;

  /**
   * @param threads at most this many threads; 1 runs on the calling thread
   */
  PerUser(int threads) {
    this.threads = Math.max(1, threads);
  }

  /** {@code step} of each item, in the items' order. */
  <T, R> List<R> map(List<T> items, Function<T, R> step) {
    if (threads == 1 || items.size() < MIN_PARALLEL) {
      List<R> out = new ArrayList<>(items.size());
      items.forEach(i -> out.add(step.apply(i)));
      return out;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> items.parallelStream().map(step).toList()).join();
    } finally {
      pool.shutdown();
    }
  }
}
