package org.mapiscope.sim.whatif;

import java.time.Instant;
import java.util.Objects;

/**
 * One reconstructed session, or one observed failed connect attempt, as the replay reads it.
 *
 * @param user the user key (DESIGN §2)
 * @param start when the session was opened (or the attempt failed)
 * @param lastActivity the last time the client was seen using it; {@code null} means the start
 * @param end when the server closed it; {@code null} means still open when the evidence ends
 * @param movedOnAt when the client demonstrably moved on (a newer connect from another address, say);
 *     {@code null} when it never did, so the session counts as active until its end
 * @param rejected an observed failed connect attempt rather than a session
 */
public record ReplaySession(String user, Instant start, Instant lastActivity, Instant end, Instant movedOnAt,
        boolean rejected) {

    public ReplaySession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("session of " + user + " ends at " + end + " before its start " + start);
        }
    }

    /** An observed failed connect attempt at a time. */
    public static ReplaySession failedConnect(String user, Instant at) {
        return new ReplaySession(user, at, null, at, null, true);
    }
}
