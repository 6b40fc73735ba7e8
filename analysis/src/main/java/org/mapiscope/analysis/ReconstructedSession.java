package org.mapiscope.analysis;

import java.time.Instant;
import org.mapiscope.model.SessionReplay;

/**
 * One session as the analysis reconstructed it from a server's RCA logs, reported to a {@link
 * SessionLog} once it is settled (closed, or still open when the analysis finished).
 *
 * @param server server key (lower-case host name), or {@code null} when the evidence did not name
 *     it
 * @param sessionId the session id the server logged
 * @param user user key of the owner
 * @param start connect (or first sight, when the log began mid-session)
 * @param lastActivity the last row logged for the session (its start when nothing followed)
 * @param end when the server ended it (Disconnect, or an id reused after a restart); {@code null}
 *     when still open at the end of the evidence
 * @param movedOnAt when its client demonstrably moved on — the analysis' "superseded" (a newer
 *     connect from another address, or Outlook starting again on the same machine) and not used
 *     since; {@code null} when the client never moved on
 * @param clientIp client address, or {@code null}
 * @param clientSoftware client software, or {@code null}
 * @param ending how it ended: closed by its client, run down by the server, ended by a service
 *     restart, or still open
 */
public record ReconstructedSession(
    String server,
    String sessionId,
    String user,
    Instant start,
    Instant lastActivity,
    Instant end,
    Instant movedOnAt,
    String clientIp,
    String clientSoftware,
    SessionReplay.Ending ending) {}
