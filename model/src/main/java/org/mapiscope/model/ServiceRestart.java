package org.mapiscope.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's RPC Client Access service (or the whole store) started again: every session it held
 * before is gone, without a Disconnect row for any of them. RCA logs show it as a new header block
 * after rows were written, or as session ids starting again from small numbers.
 *
 * @param time when the service started again (UTC): the header's {@code #Date}, else the first row
 *     after it
 * @param server the server whose log this is, or {@code null} when the log does not say
 * @param ref where it was read
 */
public record ServiceRestart(Instant time, String server, EvidenceRef ref) implements Evidence {

  public ServiceRestart {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(ref, "ref");
  }
}
