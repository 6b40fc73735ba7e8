package org.mapiscope.evtx;

/**
 * Internal signal that the bytes being decoded are malformed. Caught at record or chunk level,
 * turned into a {@link DamageListener} call, never thrown out of the public API.
 */
final class DamageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the damage is, relative to the buffer being decoded (the chunk). */
  final int offset;

  DamageException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
