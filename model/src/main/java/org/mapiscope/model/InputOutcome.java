package org.mapiscope.model;

import java.util.Locale;

/**
 * What became of one input: read in a known format, or why not. Every outcome but {@link #READ}
 * means no evidence came from the input; a run where no input was {@link #READ} has nothing to
 * analyse.
 */
public enum InputOutcome {
  /** Read in a known format (the summary names it); errors may still have cut it short. */
  READ,
  /** A file no reader recognised. */
  UNRECOGNIZED,
  /** Turned away by a safety rule (archive traversal, bomb, nesting). */
  REFUSED,
  /** A path that does not exist. */
  MISSING,
  /**
   * A file, folder or archive that could not be opened or listed (damaged zip, permissions,
   * symbolic link loop).
   */
  UNREADABLE,
  /** Content an earlier input has byte for byte: listed, not read again. */
  DUPLICATE,
  /** Deliberately not followed: a symbolic link to a folder inside a folder being walked. */
  NOT_FOLLOWED;

  /**
   * The word reports use where a read input shows its format: {@code unrecognized}, {@code
   * not-followed}, …
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
