package org.mapiscope.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A place in an input file: a text line, an event record id, or a byte offset.
 *
 * @param file the path as the user gave it (archive entries as {@code archive.zip!/entry})
 * @param kind what {@code position} counts
 * @param position 1-based line, event record id, or 0-based byte offset
 */
public record EvidenceRef(String file, Kind kind, long position) implements Serializable {

  /** What an {@link EvidenceRef#position()} counts. */
  public enum Kind {
    LINE,
    RECORD,
    OFFSET
  }

  public EvidenceRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
  }

  public static EvidenceRef line(String file, long line) {
    return new EvidenceRef(file, Kind.LINE, line);
  }

  public static EvidenceRef record(String file, long recordId) {
    return new EvidenceRef(file, Kind.RECORD, recordId);
  }

  public static EvidenceRef offset(String file, long offset) {
    return new EvidenceRef(file, Kind.OFFSET, offset);
  }

  /**
   * The place inside the file, as an admin would search for it: {@code line 12}, {@code record
   * 4711}, {@code offset 0x1200}.
   */
  public String where() {
    return switch (kind) {
      case LINE -> "line " + position;
      case RECORD -> "record " + position;
      case OFFSET -> "offset 0x" + Long.toHexString(position);
    };
  }

  @Override
  public String toString() {
    return file + " " + where();
  }
}
