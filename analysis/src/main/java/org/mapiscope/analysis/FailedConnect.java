package org.mapiscope.analysis;

import java.time.Instant;

/**
 * A connect the server refused (an RCA failed connect): demand the session limit cut off.
 *
 * @param server server key, or {@code null} when the evidence did not name it
 * @param user user key
 * @param time when it was refused
 * @param clientIp client address, or {@code null}
 * @param clientSoftware client software, or {@code null}
 */
public record FailedConnect(
    String server, String user, Instant time, String clientIp, String clientSoftware) {}
