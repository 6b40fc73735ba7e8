package org.mapiscope.cli;

/**
 * A problem the user can fix (a missing file, a bad scenario), reported as one clear line and an
 * exit code, never as a stack trace.
 */
final class UserException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  UserException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
