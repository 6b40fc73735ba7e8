package org.mapiscope.analysis;

import java.util.List;

/**
 * One step of a fix.
 *
 * @param order 1 = remove the client-side cause, 2 = lower KeepAliveTime, 3 = raise the limit (last
 *     resort)
 * @param action a stable code for the step (see {@link Action})
 * @param title a short imperative title
 * @param detail exactly what to do, on which machine/account, and how to verify
 * @param changes the server changes this step makes, for the report to render as scripts with
 *     rollbacks; empty for steps done by hand (client-side fixes)
 */
public record Remedy(
    int order, Action action, String title, String detail, List<FixChange> changes) {

  public Remedy {
    changes = List.copyOf(changes);
  }

  /** Stable remedy codes, written to JSON as {@code action}. */
  public enum Action {
    FIX_CLIENT,
    CONFIGURE_MIDDLEBOX,
    DEDICATED_THROTTLING_POLICY,
    EXEMPT_SERVICE_ACCOUNT,
    LOWER_KEEPALIVE,
    RAISE_OBJECT_LIMIT,
    RAISE_SESSION_LIMIT,
    /** The evidence cannot tell the cause: what to export so it can. */
    COLLECT_EVIDENCE
  }
}
