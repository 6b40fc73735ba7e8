package org.mapiscope.analysis;

import java.util.List;
import java.util.Optional;
import org.mapiscope.model.Cause;

/**
 * MIDDLEBOX_HOLDING: the user's superseded sessions (or idle logons) from an address that {@link
 * Middleboxes} found holding sessions of at least {@link Thresholds#MIDDLEBOX_MIN_USERS} users for
 * {@link Thresholds#HELD_FACTOR} dead-peer times and more. Something at that address answers
 * keepalives for clients that are gone, so lowering KeepAliveTime alone does not help.
 */
final class MiddleboxRule implements CauseRule {

  @Override
  public Cause cause() {
    return Cause.MIDDLEBOX_HOLDING;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    if (u.leftovers.held == 0
        || u.leftovers.middleboxAddresses.isEmpty()
        || (!u.symptomatic() && u.leftovers.held < Thresholds.DEAD_MIN_STALE)) {
      return Optional.empty();
    }
    ServerFacts sf = ctx.servers().get(u.leftovers.middleboxServer);
    String address = u.leftovers.middleboxAddresses.first();
    int users = ctx.middleboxes().users(u.leftovers.middleboxServer, address).size();
    int established = ctx.establishedFrom(u.leftovers.middleboxServer, address);
    double confidence =
        Confidence.of(
            Confidence.MIDDLEBOX,
            u.symptomatic() ? Confidence.MIDDLEBOX_REFUSED : null,
            established >= users ? Confidence.MIDDLEBOX_NETSTAT_AGREES : null);
    StringBuilder s = new StringBuilder();
    s.append(u.user)
        .append("'s sessions through ")
        .append(address)
        .append(" were not reaped: ")
        .append(SummaryWording.count(u.leftovers.held, "session", "sessions"))
        .append(" stayed open more than ")
        .append(SummaryWording.duration(sf.heldMs()))
        .append(" after the user's client had gone, although ")
        .append(RuleContext.keepAliveSentence(sf))
        .append(". ")
        .append(users)
        .append(
            " users reach the server from this one address with the same pattern: a WAN accelerator"
                + " or ")
        .append("proxy (for example Riverbed) is answering keepalives for clients that are gone.");
    if (established > 0) {
      s.append(" netstat showed ")
          .append(established)
          .append(" established connections from ")
          .append(address)
          .append(".");
    }
    s.append(RuleContext.eventsSentence(u));
    Remedy fix =
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.CONFIGURE_MIDDLEBOX,
            "Stop the device at " + address + " holding MAPI connections",
            "On the WAN accelerator or proxy at "
                + address
                + ": exclude the Exchange server"
                + (sf.displayName() == null ? "" : " " + sf.displayName())
                + " from connection pooling/optimisation, or make it drop idle connections (and"
                + " stop answering TCP keepalives for its clients) sooner than the server's"
                + " KeepAliveTime. Lowering KeepAliveTime cannot help while the device answers the"
                + " probes. Verify: sessions from "
                + address
                + " end within KeepAliveTime after their users leave.",
            List.of());
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause(),
            confidence,
            s.toString(),
            RuleContext.evidence(
                u.leftovers.heldExamples, u.leftovers.moved, u.refusals.rejectedExamples),
            List.of(fix),
            new FindingFacts.Middlebox(address, users, u.leftovers.held, established)));
  }
}
