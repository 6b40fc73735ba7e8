package org.mapiscope.evtx.testkit;

/**
 * Encodes a {@link TestEvent} as an {@code EVENTLOGRECORD}, laid out as the Windows event log
 * service does.
 */
final class EvtRecordEncoder {

  private EvtRecordEncoder() {}

  static byte[] encode(TestEvent e) {
    byte[] sid = e.userSid() == null ? new byte[0] : SidBytes.encode(e.userSid());
    LeBuffer variable = new LeBuffer().zeros(0x38).utf16z(e.provider()).utf16z(e.computer());
    variable.alignTo(4);
    int sidOffset = variable.size();
    variable.bytes(sid);
    int stringOffset = variable.size();
    for (String s : e.strings()) {
      variable.utf16z(s);
    }
    int dataOffset = variable.size();
    byte[] data = e.binary() == null ? new byte[0] : e.binary();
    variable.bytes(data);
    variable.alignTo(4);
    int length = variable.size() + 4;
    variable.u32(length);
    byte[] out = variable.toByteArray();

    LeBuffer fixed =
        new LeBuffer()
            .u32(length)
            .u32(EvtTestWriter.SIGNATURE)
            .u32(e.recordId())
            .u32(e.timeCreated().getEpochSecond())
            .u32(e.timeCreated().getEpochSecond())
            .u32(((long) (e.qualifiers() == null ? 0 : e.qualifiers()) << 16) | e.eventId())
            .u16(eventType(e))
            .u16(e.strings().size())
            .u16(e.task())
            .u16(0)
            .u32(0)
            .u32(stringOffset)
            .u32(sid.length)
            .u32(sidOffset)
            .u32(data.length)
            .u32(dataOffset);
    System.arraycopy(fixed.toByteArray(), 0, out, 0, 0x38);
    return out;
  }

  /** Level back to the classic EventType. */
  static int eventType(TestEvent e) {
    return switch (e.level()) {
      case 1, 2 -> 0x0001;
      case 3 -> 0x0002;
      case 0 -> (e.keywords() & TestEvent.AUDIT_FAILURE) != 0 ? 0x0010 : 0x0008;
      default -> 0x0004;
    };
  }
}
