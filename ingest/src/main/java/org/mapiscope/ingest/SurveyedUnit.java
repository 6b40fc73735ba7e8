package org.mapiscope.ingest;

import java.io.Serializable;

/**
 * What the walk learned about one unit of a file (the file itself, or an entry of the archive it
 * is) without reading it: enough to find copies of content and to keep one server's RCA logs
 * together, so a planner elsewhere can split the reading the way {@link Ingestor} does.
 *
 * @param displayPath the unit's name in reports
 * @param kind the format it will be read as, {@code archive} for a nested archive, or null when it
 *     is not read (unrecognized, refused)
 * @param rcaGroup for RCA logs, the key of the logs that must be read one after another (same
 *     server or folder); null otherwise
 * @param storedBytes bytes it occupies in its file, for balancing work
 * @param size content bytes, or -1 when unknown or not comparable
 * @param headCrc CRC-32 of the content's head, or -1 when not comparable
 * @param crc CRC-32 of the whole content, or -1 when not known (yet)
 */
public record SurveyedUnit(
    String displayPath,
    String kind,
    String rcaGroup,
    long storedBytes,
    long size,
    long headCrc,
    long crc)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Whether the unit's content can be compared with others at all. */
  public boolean comparable() {
    return kind != null && headCrc >= 0;
  }

  Fingerprint fingerprint() {
    return comparable() ? new Fingerprint(size, headCrc, crc) : null;
  }
}
