package org.mapiscope.ingest;

import java.util.List;
import org.mapiscope.model.InputOutcome;

/**
 * One thing the walk found: a file to read, a nested archive to stream, an input turned away, or a
 * copy of content met earlier.
 */
sealed interface Unit {

  String displayPath();

  /** Stored bytes, for progress. */
  long storedBytes();

  /**
   * A file whose format is known (or known to be unrecognized: {@code reader == null}).
   *
   * @param location the folder it sits in (archive folders included), to keep one server's RCA
   *     files together
   * @param fingerprint what identifies its content ({@link Duplicates}), or null when it cannot be
   *     compared
   */
  record Leaf(
      InputFile input,
      FormatReader reader,
      String location,
      long storedBytes,
      Fingerprint fingerprint)
      implements Unit {
    @Override
    public String displayPath() {
      return input.displayPath();
    }
  }

  /**
   * An archive inside an archive: no random access, so it is streamed once, entry by entry, on one
   * worker.
   */
  record Nested(
      InputFile container,
      List<String> enclosing,
      String name,
      int depth,
      long storedBytes,
      Fingerprint fingerprint)
      implements Unit {
    @Override
    public String displayPath() {
      return container.displayPath();
    }
  }

  /**
   * An input that is not read: refused by a safety rule, missing, failing to open, or a folder link
   * not followed.
   */
  record Rejected(String displayPath, InputOutcome outcome, String message) implements Unit {
    @Override
    public long storedBytes() {
      return 0;
    }
  }

  /**
   * An input whose content an earlier input has (same size and content): listed, not read again.
   */
  record Duplicate(String displayPath, String originalPath, long storedBytes) implements Unit {}
}
