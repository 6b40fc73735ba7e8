package org.mapiscope.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One TCP connection from a {@code netstat -ano} capture.
 *
 * @param time capture time (UTC), or {@code null} when the capture does not say
 * @param server the server the capture was taken on, or {@code null}
 * @param localAddress local address without port
 * @param localPort local port
 * @param remoteIp remote address without port
 * @param remotePort remote port
 * @param state TCP state as printed, upper-cased ({@code ESTABLISHED}, …)
 * @param pid owning process id, or {@code null} when not captured
 * @param ref where it was read
 */
public record Connection(
    Instant time,
    String server,
    String localAddress,
    int localPort,
    String remoteIp,
    int remotePort,
    String state,
    Integer pid,
    EvidenceRef ref)
    implements Evidence {

  public Connection {
    Objects.requireNonNull(remoteIp, "remoteIp");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(ref, "ref");
  }
}
