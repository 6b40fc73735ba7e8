package org.mapiscope.analysis;

import java.time.Instant;

/**
 * One unmet session: a client's refused attempts, retries collapsed (docs/domain.md: a client
 * retrying every minute is one attempt, not sixty). Built from RCA refusal rows (which name the
 * client) and Event 9646 (which do not: the most events within {@link Thresholds#RETRY_WINDOW} is
 * how many clients tried).
 *
 * @param server server key, or {@code null} when the evidence did not name it
 * @param user user key
 * @param first first refusal
 * @param last last refusal (retries included)
 * @param clientIp client address when an RCA row named it, else {@code null}
 * @param software client software when an RCA row named it, else {@code null}
 * @param events Event 9646 this stream accounts for (its share of the burst's events)
 * @param rows RCA refusal rows of this client in the burst
 */
public record RefusalStream(
    String server,
    String user,
    Instant first,
    Instant last,
    String clientIp,
    String software,
    long events,
    long rows) {}
