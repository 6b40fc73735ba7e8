package org.mapiscope.evtx;

/**
 * Told about each damaged spot a reader skipped (bad chunk magic, CRC mismatch, truncated or
 * malformed record, …). Reading goes on after every call.
 */
@FunctionalInterface
public interface DamageListener {

  /**
   * @param fileOffset where the damage is, in bytes from the start of the file
   * @param message what is wrong, for a human
   */
  void damaged(long fileOffset, String message);

  /** A listener that ignores damage. */
  DamageListener IGNORE = (offset, message) -> {};
}
