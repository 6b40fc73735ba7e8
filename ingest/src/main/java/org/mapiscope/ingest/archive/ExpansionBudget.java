package org.mapiscope.ingest.archive;

import java.util.concurrent.atomic.AtomicLong;

/** The decompressed bytes one run may still produce from archives; shared by all workers. */
public final class ExpansionBudget {

  private final AtomicLong remaining;
  private final ArchiveLimits limits;

  public ExpansionBudget(ArchiveLimits limits) {
    this.limits = limits;
    this.remaining = new AtomicLong(limits.maxTotalBytes());
  }

  public ArchiveLimits limits() {
    return limits;
  }

  /** Takes {@code n} bytes from the budget; false when it is spent. */
  boolean take(long n) {
    return remaining.addAndGet(-n) >= 0;
  }
}
