package org.mapiscope.evtx.testkit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One classic (EventLog API) event to write into a test {@code .evtx} or {@code .evt} file.
 *
 * @param recordId EventRecordID (record number in {@code .evt})
 * @param timeCreated TimeCreated; {@code .evt} keeps whole seconds only
 * @param provider provider / source name
 * @param eventId low 16 bits of the event identifier
 * @param qualifiers high 16 bits ({@code EventID/@Qualifiers}), or {@code null} to leave the
 *     attribute out
 * @param level System/Level: 2 error, 3 warning, 4 information, 0 audit
 * @param task System/Task (the classic category)
 * @param keywords System/Keywords
 * @param channel System/Channel (not stored in {@code .evt})
 * @param computer System/Computer
 * @param userSid {@code Security/@UserID} as {@code S-1-…}, or {@code null} for none
 * @param strings insertion strings, written as unnamed {@code <Data>} elements
 * @param binary the {@code <Binary>} data, or {@code null} for none
 */
public record TestEvent(
    long recordId,
    Instant timeCreated,
    String provider,
    int eventId,
    Integer qualifiers,
    int level,
    int task,
    long keywords,
    String channel,
    String computer,
    String userSid,
    List<String> strings,
    byte[] binary) {

  /** Keywords of classic events (win:Classic). */
  public static final long CLASSIC = 0x0080_0000_0000_0000L;

  public static final long AUDIT_SUCCESS = 0x0020_0000_0000_0000L;
  public static final long AUDIT_FAILURE = 0x0010_0000_0000_0000L;

  /** Qualifiers of an error-severity MSExchangeIS event, as on 9646 (0xC006). */
  public static final int MSEXCHANGEIS_ERROR_QUALIFIERS = 49158;

  /** Qualifiers of an information-severity MSExchangeIS event (0x4006). */
  public static final int MSEXCHANGEIS_INFO_QUALIFIERS = 16390;

  public TestEvent {
    Objects.requireNonNull(timeCreated);
    Objects.requireNonNull(provider);
    strings = List.copyOf(strings);
    binary = binary == null ? null : binary.clone();
  }

  /**
   * An Exchange "MAPI session limit exceeded" event as the store logs it: MSExchangeIS 9646, Error,
   * category General (6), three insertion strings and {@code [DIAG_CTX]} binary data.
   */
  public static TestEvent mapiLimit9646(
      long recordId,
      Instant time,
      String computer,
      String sessionIdentity,
      int limit,
      String objectType) {
    return new TestEvent(
        recordId,
        time,
        "MSExchangeIS",
        9646,
        MSEXCHANGEIS_ERROR_QUALIFIERS,
        2,
        6,
        CLASSIC,
        "Application",
        computer,
        null,
        List.of(sessionIdentity, Integer.toString(limit), objectType),
        diagnosticContext());
  }

  /**
   * An information event of any classic source, e.g. a neighbour of 9646 in the Application log.
   */
  public static TestEvent information(
      long recordId,
      Instant time,
      String computer,
      String provider,
      int eventId,
      int qualifiers,
      int task,
      List<String> strings) {
    return new TestEvent(
        recordId,
        time,
        provider,
        eventId,
        qualifiers,
        4,
        task,
        CLASSIC,
        "Application",
        computer,
        null,
        strings,
        null);
  }

  /** The same event with another user SID. */
  public TestEvent withUserSid(String sid) {
    return new TestEvent(
        recordId,
        timeCreated,
        provider,
        eventId,
        qualifiers,
        level,
        task,
        keywords,
        channel,
        computer,
        sid,
        strings,
        binary);
  }

  /**
   * The binary data of a real 9646 (KB980049): a length, then {@code [DIAG_CTX]} and context bytes.
   */
  static byte[] diagnosticContext() {
    return HexFormat.of()
        .parseHex(
            "070000005B444941475F4354585D000016000000FFE83A00000000000002080000003A67F01FFE000000");
  }

  @Override
  public byte[] binary() {
    return binary == null ? null : binary.clone();
  }
}
