package org.mapiscope.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One logon the store held at capture time (a row of {@code Get-LogonStatistics} or WMI {@code
 * Exchange_Logon}).
 *
 * @param time capture time (UTC); see {@code timeSource} for how it was found
 * @param server the server the logon was on
 * @param user user key of the logged-on user
 * @param dn legacyExchangeDN of the logged-on user, or {@code null}
 * @param logonTime when the logon started, or {@code null}
 * @param lastAccess last activity the store saw, or {@code null}
 * @param clientIp client address, or {@code null}
 * @param clientName client computer name, or {@code null}
 * @param clientVersion client version, or {@code null}
 * @param clientMode {@code Cached}, {@code Classic Online}, …, or {@code null}
 * @param mailbox key of the mailbox logged on to (differs from {@code user} for delegate access),
 *     or {@code null}
 * @param timeSource how the capture time was found: {@code column <name>}, {@code file name},
 *     {@code newest LastAccessTime}
 * @param ref where it was read
 */
public record LogonSnapshot(
    Instant time,
    String server,
    String user,
    String dn,
    Instant logonTime,
    Instant lastAccess,
    String clientIp,
    String clientName,
    String clientVersion,
    String clientMode,
    String mailbox,
    String timeSource,
    EvidenceRef ref)
    implements Evidence {

  public LogonSnapshot {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(ref, "ref");
  }
}
