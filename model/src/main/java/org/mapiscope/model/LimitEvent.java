package org.mapiscope.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One Event 9646: the store refused an object because a user's session crossed a cap.
 *
 * @param time when the event was logged (UTC)
 * @param server the computer that logged it, as written in the evidence (may be {@code null} when
 *     unknown)
 * @param user the user key ({@link UserKeys#fromIdentity(String)}): last {@code cn=} lower-cased,
 *     or the GUID
 * @param dn the legacyExchangeDN as logged, case kept; {@code null} for GUID-only events
 * @param sessionGuid the session/mailbox GUID when the identity carried one, else {@code null}
 * @param clientType the client type when the wording names one, else {@code null}
 * @param objectType {@code session}, {@code objtFolder}, … exactly as logged
 * @param limit the cap that was exceeded
 * @param ref where the event was read
 * @param recordId the event log's record number ({@code EventRecordID}) where the export carries
 *     it, else {@code null}; with the computer it identifies the event across overlapping exports
 */
public record LimitEvent(
    Instant time,
    String server,
    String user,
    String dn,
    String sessionGuid,
    String clientType,
    String objectType,
    int limit,
    EvidenceRef ref,
    Long recordId)
    implements Evidence {

  /** An event read from an export without record numbers. */
  public LimitEvent(
      Instant time,
      String server,
      String user,
      String dn,
      String sessionGuid,
      String clientType,
      String objectType,
      int limit,
      EvidenceRef ref) {
    this(time, server, user, dn, sessionGuid, clientType, objectType, limit, ref, null);
  }

  /** The same event with its record number. */
  public LimitEvent withRecordId(Long id) {
    return new LimitEvent(
        time, server, user, dn, sessionGuid, clientType, objectType, limit, ref, id);
  }

  public LimitEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(ref, "ref");
  }

  /** True for the per-user session cap, false for a per-session object cap (objtFolder, …). */
  public boolean isSessionLimit() {
    return ExchangeDefaults.SESSION_OBJECT_TYPE.equalsIgnoreCase(objectType);
  }
}
