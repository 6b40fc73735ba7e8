package org.mapiscope.evtx.evt;

/**
 * Sizes, offsets and magic numbers of the legacy event log format ({@code ELF_LOGFILE_HEADER},
 * {@code EVENTLOGRECORD}, {@code ELF_EOF_RECORD}; MSDN "Event Log File Format", libevt's EVT format
 * notes). All little-endian.
 */
final class EvtLayout {

  /** "LfLe" read as a little-endian int. */
  static final int SIGNATURE = 0x654c664c;

  static final int HEADER_SIZE = 0x30;

  /** The fixed part of an {@code EVENTLOGRECORD}, up to the source name. */
  static final int RECORD_FIXED_SIZE = 0x38;

  /**
   * No record is this large: ReportEvent caps strings and data far below it, so a larger length
   * field is damage, and we never allocate from it.
   */
  static final int MAX_RECORD_SIZE = 1 << 20;

  static final int EOF_SIZE = 0x28;
  static final int[] EOF_MAGIC = {0x11111111, 0x22222222, 0x33333333, 0x44444444};

  /** What the event log service writes into the tail of the buffer that no record fits in. */
  static final int TAIL_FILL = 0x27;

  // EVENTLOGRECORD field offsets
  static final int R_LENGTH = 0;
  static final int R_SIGNATURE = 4;
  static final int R_RECORD_NUMBER = 8;
  static final int R_TIME_GENERATED = 12;
  static final int R_TIME_WRITTEN = 16;
  static final int R_EVENT_ID = 20;
  static final int R_EVENT_TYPE = 24;
  static final int R_NUM_STRINGS = 26;
  static final int R_CATEGORY = 28;
  static final int R_STRING_OFFSET = 36;
  static final int R_SID_LENGTH = 40;
  static final int R_SID_OFFSET = 44;
  static final int R_DATA_LENGTH = 48;
  static final int R_DATA_OFFSET = 52;

  // ELF_EOF_RECORD field offsets after the magic
  static final int EOF_BEGIN = 20;
  static final int EOF_END = 24;
  static final int EOF_CURRENT = 28;
  static final int EOF_OLDEST = 32;

  private EvtLayout() {}
}
