package org.mapiscope.evtx.evt;

/**
 * The {@code ELF_LOGFILE_HEADER} at the start of a legacy {@code .evt} file (48 bytes). Offsets are
 * in bytes from the start of the file; the values are as stored, so a dirty log can hold stale
 * ones.
 *
 * @param startOffset offset of the oldest record
 * @param endOffset offset of the end-of-file record
 * @param currentRecordNumber number the next record written would get
 * @param oldestRecordNumber number of the oldest record (0 in an empty log)
 * @param maxSize configured maximum size of the log
 * @param flags {@link #DIRTY}, {@link #WRAP}, {@link #LOGFULL}, {@link #ARCHIVE_SET}
 * @param retention retention period in seconds as configured
 */
public record EvtHeader(
    long startOffset,
    long endOffset,
    long currentRecordNumber,
    long oldestRecordNumber,
    long maxSize,
    int flags,
    long retention) {

  /** The log was not closed cleanly: the offsets and numbers above may be stale. */
  public static final int DIRTY = 0x1;

  /** The circular buffer has wrapped: the oldest record is not at the start of the file. */
  public static final int WRAP = 0x2;

  /** The last write failed because the log was full. */
  public static final int LOGFULL = 0x4;

  /** The log should be archived. */
  public static final int ARCHIVE_SET = 0x8;

  public boolean dirty() {
    return (flags & DIRTY) != 0;
  }

  public boolean wrapped() {
    return (flags & WRAP) != 0;
  }

  public boolean logFull() {
    return (flags & LOGFULL) != 0;
  }

  public boolean archiveSet() {
    return (flags & ARCHIVE_SET) != 0;
  }
}
