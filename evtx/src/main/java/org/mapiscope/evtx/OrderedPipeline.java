package org.mapiscope.evtx;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one task per chunk on a pool and hands results back in chunk order. At most {@code window}
 * chunks are in flight, so memory stays flat whatever the file size. Without a pool, tasks run on
 * the caller's thread as results are requested.
 */
final class OrderedPipeline<R> {

  private final IntFunction<R> task;
  private final int count;
  private final ExecutorService pool;
  private final int window;
  private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
  private int submitted;
  private int taken;

  OrderedPipeline(int count, IntFunction<R> task, ExecutorService pool, int window) {
    this.count = count;
    this.task = task;
    this.pool = pool;
    this.window = Math.max(1, window);
  }

  boolean hasNext() {
    return taken < count;
  }

  R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (pool == null) {
      return task.apply(taken++);
    }
    while (submitted < count && inFlight.size() < window) {
      int index = submitted++;
      inFlight.add(pool.submit(() -> task.apply(index)));
    }
    Future<R> head = inFlight.poll();
    taken++;
    try {
      return head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw new CancellationException("interrupted while reading");
    } catch (ExecutionException e) {
      cancel();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Drops the chunks still in flight (the caller stopped early or failed). */
  void cancel() {
    for (Future<R> f : inFlight) {
      f.cancel(true);
    }
    inFlight.clear();
    taken = count;
  }
}
