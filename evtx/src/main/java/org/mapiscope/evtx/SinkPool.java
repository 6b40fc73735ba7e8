package org.mapiscope.evtx;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Output buffers handed back after they are written, for the next chunks; bounded. Thread-safe. */
final class SinkPool {

  private static final int KEPT = 64;
  private final ConcurrentLinkedQueue<ByteSink> free = new ConcurrentLinkedQueue<>();

  ByteSink get() {
    ByteSink s = free.poll();
    return s != null ? s : new ByteSink(1 << 17);
  }

  void recycle(ByteSink s) {
    if (free.size() < KEPT) {
      s.reset();
      free.offer(s);
    }
  }
}
