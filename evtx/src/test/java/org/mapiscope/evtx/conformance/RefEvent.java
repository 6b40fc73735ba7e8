package org.mapiscope.evtx.conformance;

import java.time.Instant;
import java.util.List;

/**
 * One event as a reference reader renders it, reduced to the fields the conformance tests compare.
 * Values are text as the reference prints them.
 *
 * @param recordId EventRecordID
 * @param eventId EventID element text
 * @param qualifiers {@code EventID/@Qualifiers}, or {@code null} when absent or empty
 * @param provider {@code Provider/@Name}
 * @param level Level text, or {@code null}
 * @param task Task text, or {@code null}
 * @param timeCreated {@code TimeCreated/@SystemTime}
 * @param channel Channel text
 * @param computer Computer text
 * @param userSid {@code Security/@UserID}, or {@code null} when absent or empty
 * @param data EventData {@code <Data>} items, or the leaf elements of UserData, in order
 * @param binaryHex EventData {@code <Binary>} as upper-case hex, or {@code null}
 */
public record RefEvent(
    long recordId,
    int eventId,
    Integer qualifiers,
    String provider,
    Integer level,
    Integer task,
    Instant timeCreated,
    String channel,
    String computer,
    String userSid,
    List<RefData> data,
    String binaryHex) {

  /** One data item: its {@code Name} attribute (or element name in UserData), and its text. */
  public record RefData(String name, String text) {}
}
