package org.mapiscope.ingest.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Wraps the decompressed stream of one archive entry and stops it with an {@link
 * ArchiveLimitException} once it expands beyond the ratio or the run's budget. Counting is done
 * here, on the consumer side, so a lying header (declared sizes) cannot get around it.
 */
public final class ExpansionGuard extends FilterInputStream {

  private final String name;
  private final LongSupplier compressedSoFar;
  private final ExpansionBudget budget;
  private long produced;
  private ArchiveLimitException tripped;

  /**
   * @param name the entry as shown to users, for the message
   * @param compressedSoFar compressed bytes of this entry consumed so far (or its declared
   *     compressed size when the container enforces it, as {@link java.util.zip.ZipFile} does)
   */
  public ExpansionGuard(
      InputStream decompressed, String name, LongSupplier compressedSoFar, ExpansionBudget budget) {
    super(decompressed);
    this.name = name;
    this.compressedSoFar = compressedSoFar;
    this.budget = budget;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      account(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      account(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping still inflates; route it through read so it is counted.
    byte[] scratch = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  /** Reads the rest of the entry through the limits, so skipping it cannot bypass them. */
  public void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  private void account(int n) throws ArchiveLimitException {
    if (tripped != null) {
      throw tripped; // once refused, always refused: a caller must not read past a bomb
    }
    produced += n;
    ArchiveLimits limits = budget.limits();
    if (!budget.take(n)) {
      throw trip(
          name
              + " refused: archives in this run expand beyond the limit of "
              + limits.maxTotalBytes()
              + " bytes");
    }
    if (produced > limits.ratioGraceBytes()) {
      long compressed = Math.max(1, compressedSoFar.getAsLong());
      if (produced / compressed > limits.maxRatio()) {
        throw trip(
            name
                + " refused: it expands more than "
                + limits.maxRatio()
                + ":1 ("
                + produced
                + " bytes from "
                + compressed
                + "), which looks like a decompression bomb");
      }
    }
  }

  private ArchiveLimitException trip(String message) {
    tripped = new ArchiveLimitException(message);
    return tripped;
  }
}
