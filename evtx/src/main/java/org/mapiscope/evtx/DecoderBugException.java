package org.mapiscope.evtx;

/**
 * A bug in the EVTX decoder, not damage in the file: decoding a record failed in a way that no
 * input, however malformed, should cause (malformed input is reported to the {@link DamageListener}
 * and reading goes on). Names the file, when it is known, and the record's file offset, so the
 * failure can be reproduced; callers report it as an internal error.
 */
public final class DecoderBugException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long fileOffset;
  private final long recordId;

  DecoderBugException(String file, long fileOffset, long recordId, Throwable cause) {
    super(message(file, fileOffset, recordId, cause), cause);
    this.file = file;
    this.fileOffset = fileOffset;
    this.recordId = recordId;
  }

  private static String message(String file, long fileOffset, long recordId, Throwable cause) {
    return "bug in the EVTX decoder"
        + (file == null ? "" : " reading " + file)
        + " at offset 0x"
        + Long.toHexString(fileOffset)
        + " (record "
        + recordId
        + "): "
        + cause;
  }

  /** The same failure, naming the file it happened in. */
  DecoderBugException inFile(String name) {
    return new DecoderBugException(name, fileOffset, recordId, getCause());
  }

  /** The file, or null when reading from a channel or a buffer. */
  public String file() {
    return file;
  }

  /** Offset of the record being decoded, from the start of the file. */
  public long fileOffset() {
    return fileOffset;
  }

  /** The record's number as stored in its header. */
  public long recordId() {
    return recordId;
  }
}
