package org.mapiscope.cli;

/** Exit codes scripts can rely on (docs/contract.md). */
public final class ExitCodes {

  private ExitCodes() {}

  /** Success, even when Event 9646 was found. */
  public static final int OK = 0;

  /** The command line was wrong: unknown option, missing argument, bad value, missing file. */
  public static final int USAGE = 1;

  /** No input could be read. */
  public static final int NOTHING_READABLE = 2;

  /** A bug: an unexpected exception. */
  public static final int INTERNAL = 3;

  /** {@code --fail-on-findings} and there were findings. */
  public static final int FINDINGS = 4;

  /**
   * {@code analyze}: the heap is too small for the evidence; stopped with how much it needs (5 is
   * {@code compare}'s "not improved").
   */
  public static final int OUT_OF_MEMORY = 6;
}
