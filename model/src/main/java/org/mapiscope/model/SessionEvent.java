package org.mapiscope.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A step in the life of one MAPI session on one server, as logged by RPC Client Access.
 *
 * @param time when it was logged (UTC)
 * @param server the server whose log this is
 * @param sessionId the session id, unique per server until the service restarts
 * @param user the user key of the session owner ({@link UserKeys})
 * @param dn the owner's legacyExchangeDN as logged, or {@code null}
 * @param kind what the row says happened to the session ({@link Kind})
 * @param operation the operation as logged ({@code Connect}, {@code OwnerLogon}, {@code
 *     DelegateLogon}, …)
 * @param clientIp client address without port, or {@code null}
 * @param clientSoftware e.g. {@code OUTLOOK.EXE}, or {@code null}
 * @param clientVersion e.g. {@code 14.0.7172.5000}, or {@code null}
 * @param clientMode e.g. {@code Cached}, {@code Classic}, or {@code null}
 * @param mailbox the mailbox a logon names (legacyExchangeDN or key), or {@code null}
 * @param ref where it was read
 * @param status for a failed or refused connect, the rpc-status and failure text as logged (e.g.
 *     {@code 1010 (rpc::LoginPerm)}), else {@code null}
 */
public record SessionEvent(
    Instant time,
    String server,
    String sessionId,
    String user,
    String dn,
    Kind kind,
    String operation,
    String clientIp,
    String clientSoftware,
    String clientVersion,
    String clientMode,
    String mailbox,
    EvidenceRef ref,
    String status)
    implements Evidence {

  /** What happened to the session. */
  public enum Kind {
    /** The session opened. */
    CONNECT,
    /** A logon or any other call: the client was alive then. */
    ACTIVITY,
    /** The client closed the session. */
    DISCONNECT,
    /**
     * {@code NetworkRundown}: the server ended the session because its connection died. The client
     * was gone from its last activity on; this is the keepalive signature.
     */
    RUNDOWN,
    /** A connect the store refused because the user's session or connection limit was reached. */
    REJECTED,
    /**
     * A connect that failed for another reason (permission, authentication, network): not a
     * refusal.
     */
    FAILED
  }

  /** A row without a failure status. */
  public SessionEvent(
      Instant time,
      String server,
      String sessionId,
      String user,
      String dn,
      Kind kind,
      String operation,
      String clientIp,
      String clientSoftware,
      String clientVersion,
      String clientMode,
      String mailbox,
      EvidenceRef ref) {
    this(
        time,
        server,
        sessionId,
        user,
        dn,
        kind,
        operation,
        clientIp,
        clientSoftware,
        clientVersion,
        clientMode,
        mailbox,
        ref,
        null);
  }

  public SessionEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
  }
}
