package org.mapiscope.evtx.evt;

import static org.mapiscope.evtx.evt.EvtLayout.RECORD_FIXED_SIZE;
import static org.mapiscope.evtx.evt.EvtLayout.R_CATEGORY;
import static org.mapiscope.evtx.evt.EvtLayout.R_DATA_LENGTH;
import static org.mapiscope.evtx.evt.EvtLayout.R_DATA_OFFSET;
import static org.mapiscope.evtx.evt.EvtLayout.R_EVENT_ID;
import static org.mapiscope.evtx.evt.EvtLayout.R_EVENT_TYPE;
import static org.mapiscope.evtx.evt.EvtLayout.R_NUM_STRINGS;
import static org.mapiscope.evtx.evt.EvtLayout.R_RECORD_NUMBER;
import static org.mapiscope.evtx.evt.EvtLayout.R_SID_LENGTH;
import static org.mapiscope.evtx.evt.EvtLayout.R_SID_OFFSET;
import static org.mapiscope.evtx.evt.EvtLayout.R_STRING_OFFSET;
import static org.mapiscope.evtx.evt.EvtLayout.R_TIME_GENERATED;
import static org.mapiscope.evtx.evt.EvtLayout.R_TIME_WRITTEN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.DataItem;
import org.mapiscope.evtx.EventRecord;

/**
 * Turns the bytes of one whole {@code EVENTLOGRECORD} (length and signature already checked) into
 * an {@link EventRecord}. Offsets inside the record that point outside it are reported and the
 * field is left out; the rest of the record is still returned.
 */
final class EvtRecordDecoder {

  /** Name of the item that carries the record's binary data, as {@code <Binary>} in EventData. */
  static final String BINARY_ITEM = "Binary";

  /** Keywords Windows gives classic events when it shows them (win:Classic, audit bits). */
  static final long KEYWORD_CLASSIC = 0x0080_0000_0000_0000L;

  static final long KEYWORD_AUDIT_SUCCESS = 0x0020_0000_0000_0000L;
  static final long KEYWORD_AUDIT_FAILURE = 0x0010_0000_0000_0000L;

  private final String channel;

  EvtRecordDecoder(String channel) {
    this.channel = channel;
  }

  EventRecord decode(byte[] record, long fileOffset, DamageListener damage) {
    int end = record.length - 4; // the trailing size copy
    long recordId = Bytes.u32(record, R_RECORD_NUMBER);
    String where = "record " + recordId + ": ";

    int sourceEnd = Bytes.endOfUtf16z(record, RECORD_FIXED_SIZE, end);
    String source = null;
    String computer = null;
    if (sourceEnd < 0) {
      damage.damaged(fileOffset, where + "source name runs past the record");
    } else {
      source = Bytes.utf16(record, RECORD_FIXED_SIZE, sourceEnd - 2);
      int computerEnd = Bytes.endOfUtf16z(record, sourceEnd, end);
      if (computerEnd < 0) {
        damage.damaged(fileOffset, where + "computer name runs past the record");
      } else {
        computer = Bytes.utf16(record, sourceEnd, computerEnd - 2);
      }
    }

    int eventType = Bytes.u16(record, R_EVENT_TYPE);
    long fullEventId = Bytes.u32(record, R_EVENT_ID);
    List<DataItem> data = new ArrayList<>();
    readStrings(record, end, fileOffset, where, damage, data);
    readBinary(record, end, fileOffset, where, damage, data);

    return new EventRecord(
        recordId,
        Instant.ofEpochSecond(Bytes.u32(record, R_TIME_WRITTEN)),
        source,
        (int) (fullEventId & 0xffff),
        (int) (fullEventId >>> 16),
        level(eventType),
        Bytes.u16(record, R_CATEGORY),
        keywords(eventType),
        Instant.ofEpochSecond(Bytes.u32(record, R_TIME_GENERATED)),
        channel,
        computer,
        userSid(record, end, fileOffset, where, damage),
        data,
        fileOffset);
  }

  /** EventType to the Level Windows shows for classic events; audits carry level 0. */
  static Integer level(int eventType) {
    return switch (eventType) {
      case 0x0001 -> 2; // EVENTLOG_ERROR_TYPE
      case 0x0002 -> 3; // EVENTLOG_WARNING_TYPE
      case 0x0000, 0x0004 -> 4; // EVENTLOG_SUCCESS, EVENTLOG_INFORMATION_TYPE
      case 0x0008, 0x0010 -> 0; // EVENTLOG_AUDIT_SUCCESS, EVENTLOG_AUDIT_FAILURE
      default -> null;
    };
  }

  static long keywords(int eventType) {
    return switch (eventType) {
      case 0x0008 -> KEYWORD_CLASSIC | KEYWORD_AUDIT_SUCCESS;
      case 0x0010 -> KEYWORD_CLASSIC | KEYWORD_AUDIT_FAILURE;
      default -> KEYWORD_CLASSIC;
    };
  }

  private static void readStrings(
      byte[] record,
      int end,
      long fileOffset,
      String where,
      DamageListener damage,
      List<DataItem> out) {
    int count = Bytes.u16(record, R_NUM_STRINGS);
    if (count == 0) {
      return;
    }
    long start = Bytes.u32(record, R_STRING_OFFSET);
    if (start < RECORD_FIXED_SIZE || start > end) {
      damage.damaged(fileOffset, where + "string offset " + start + " outside the record");
      return;
    }
    int at = (int) start;
    for (int i = 0; i < count; i++) {
      int stringEnd = Bytes.endOfUtf16z(record, at, end);
      if (stringEnd < 0) {
        damage.damaged(fileOffset, where + "only " + i + " of " + count + " strings are complete");
        return;
      }
      out.add(new DataItem(null, Bytes.utf16(record, at, stringEnd - 2)));
      at = stringEnd;
    }
  }

  private static void readBinary(
      byte[] record,
      int end,
      long fileOffset,
      String where,
      DamageListener damage,
      List<DataItem> out) {
    long length = Bytes.u32(record, R_DATA_LENGTH);
    if (length == 0) {
      return; // the data offset is meaningless then, and often points past the record
    }
    long start = Bytes.u32(record, R_DATA_OFFSET);
    if (start < RECORD_FIXED_SIZE || start + length > end) {
      damage.damaged(
          fileOffset, where + "data (" + length + " bytes at " + start + ") outside the record");
      return;
    }
    out.add(
        new DataItem(BINARY_ITEM, Arrays.copyOfRange(record, (int) start, (int) (start + length))));
  }

  private static String userSid(
      byte[] record, int end, long fileOffset, String where, DamageListener damage) {
    long length = Bytes.u32(record, R_SID_LENGTH);
    if (length == 0) {
      return null;
    }
    long start = Bytes.u32(record, R_SID_OFFSET);
    if (start < RECORD_FIXED_SIZE || start + length > end) {
      damage.damaged(fileOffset, where + "user SID outside the record");
      return null;
    }
    String sid = SidText.format(record, (int) start, (int) length);
    if (sid == null) {
      damage.damaged(fileOffset, where + "malformed user SID");
    }
    return sid;
  }
}
