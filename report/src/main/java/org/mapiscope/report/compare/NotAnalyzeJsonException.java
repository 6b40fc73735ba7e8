package org.mapiscope.report.compare;

/**
 * A file given to {@code compare} is not an {@code analyze} JSON; the message names the file and
 * what is wrong.
 */
public final class NotAnalyzeJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotAnalyzeJsonException(String message) {
    super(message);
  }
}
