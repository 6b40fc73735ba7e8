package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapiscope.model.Cause;

/**
 * DEAD_CLIENT_SESSIONS: at least {@link Thresholds#DEAD_MIN_STALE} sessions whose client
 * demonstrably moved on (a newer connect from another address, or Outlook starting again on the
 * same machine) and that ended about the dead-peer time later or were still open at the end; or, in
 * logon snapshots, logons silent for {@link Thresholds#SNAPSHOT_STALE_IDLE} beside freshly used
 * ones.
 */
final class DeadClientRule implements CauseRule {

  @Override
  public Cause cause() {
    return Cause.DEAD_CLIENT_SESSIONS;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    int stale = u.stale();
    // A fixed machine with clean disconnects and no 9646 is legitimate concurrency
    // (docs/domain.md):
    // without symptoms, leftovers of restarts on the same machine alone make no finding.
    int proof = u.symptomatic() ? stale : u.staleAfterMoves();
    if (proof < Thresholds.DEAD_MIN_STALE) {
      return Optional.empty();
    }
    ServerFacts sf = ctx.serverOf(u);
    // Without refusals, leftovers matter only when they pile up towards the limit: a laptop that
    // sleeps
    // now and then leaves a session for keepalive to reap, and that is how it should work.
    if (!u.symptomatic()
        && u.peakConcurrent() < ctx.sessionLimitOf(u) * Thresholds.DEAD_WARNING_FRACTION) {
      return Optional.empty();
    }
    boolean roaming = u.clients.oneTimeAddresses >= Thresholds.ROAMING_ONE_TIME_ADDRESSES;
    double confidence =
        Confidence.of(
            u.symptomatic() ? Confidence.DEAD_REFUSED : Confidence.DEAD_WARNING,
            (u.leftovers.reaped + u.leftovers.rundowns) * 2 >= stale
                ? Confidence.DEAD_MOSTLY_REAPED
                : null,
            roaming ? Confidence.DEAD_ROAMING : null,
            u.refusals.worst != null
                    && u.refusals.worst.covered()
                    && u.refusals.worst.stale() * 2 >= u.refusals.worst.open()
                ? Confidence.DEAD_LEFTOVERS_AT_REFUSAL
                : null);
    StringBuilder s = new StringBuilder();
    s.append(u.user)
        .append(" left ")
        .append(SummaryWording.count(stale, "session", "sessions"))
        .append(
            " behind on the server over the period of the evidence, each after its client had moved"
                + " on");
    if (u.clients.addresses > 1) {
      s.append(" (connects from ").append(u.clients.addresses).append(" addresses");
      if (roaming) {
        s.append(", ")
            .append(u.clients.oneTimeAddresses)
            .append(" of them used on a single day only: VPN or roaming");
      }
      s.append(")");
    }
    s.append(".");
    if (u.leftovers.rundowns > 0) {
      s.append(" ")
          .append(u.leftovers.rundowns)
          .append(
              " of them the server ran down (NetworkRundown) when TCP keepalive found the"
                  + " connection dead, each after its client had been silent for about"
                  + " KeepAliveTime.");
    }
    if (u.leftovers.reaped > 0) {
      s.append(" ")
          .append(u.leftovers.reaped)
          .append(" of them ended about ")
          .append(SummaryWording.duration(sf.deadPeerMs()))
          .append(" after the move, when TCP keepalive declared the vanished client dead");
      s.append(
          u.leftovers.openStale > 0
              ? "; " + u.leftovers.openStale + " were still open at the end of the logs."
              : ".");
    } else if (u.leftovers.openStale > 0) {
      s.append(" ")
          .append(u.leftovers.openStale)
          .append(" were still open at the end of the logs.");
    }
    if (u.snapshots.snapshotStale > 0) {
      s.append(" A logon snapshot shows ")
          .append(u.snapshots.snapshotStale)
          .append(" logons idle for more than ")
          .append(SummaryWording.duration(Thresholds.SNAPSHOT_STALE_IDLE.toMillis()))
          .append(" beside freshly used ones.");
    }
    s.append(" ").append(RuleContext.keepAliveSentence(sf)).append(".");
    if (u.refusals.worst != null && u.refusals.worst.covered() && u.refusals.worst.stale() > 0) {
      s.append(" When the server refused a connect at ")
          .append(SummaryWording.time(u.refusals.worst.at()))
          .append(", ")
          .append(u.refusals.worst.stale())
          .append(" of the ")
          .append(u.refusals.worst.open())
          .append(" sessions it held for the user were such leftovers.");
    }
    s.append(RuleContext.eventsSentence(u));

    List<Remedy> remedies = new ArrayList<>();
    remedies.add(
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.FIX_CLIENT,
            // One title for every such user, so a report can list them under one step.
            "Have the user close Outlook before the connection drops",
            u.user
                + "'s Outlook vanished without closing its sessions (addresses "
                + topAddresses(u)
                + "). Ask the user to exit Outlook before disconnecting the VPN, undocking or"
                + " putting the laptop to sleep; check the VPN client's idle disconnect and Wi-Fi"
                + " roaming on that device. Verify: sessions from the old address end with a"
                + " Disconnect soon after the user moves.",
            List.of()));
    if (sf.keepAliveMs() > ctx.prescriptions().keepAliveTarget()) {
      remedies.add(ctx.prescriptions().lowerKeepAlive(sf));
    }
    boolean atRefusal = u.refusals.worst != null && u.refusals.worst.covered();
    FindingFacts facts =
        new FindingFacts.DeadClients(
            stale,
            u.leftovers.rundowns,
            u.leftovers.reaped,
            u.leftovers.openStale,
            u.clients.addresses,
            u.clients.oneTimeAddresses,
            atRefusal ? u.refusals.worst.open() : null,
            atRefusal ? u.refusals.worst.stale() : null,
            sf.keepAliveMs());
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause(),
            confidence,
            s.toString(),
            RuleContext.evidence(
                u.leftovers.moved,
                u.leftovers.rundownExamples,
                u.leftovers.reapedExamples,
                u.snapshots.snapshotStaleExamples,
                u.refusals.rejectedExamples),
            remedies,
            facts));
  }

  private static String topAddresses(UserFacts u) {
    return u.clients.clientSessions.entrySet().stream()
        .filter(e -> e.getKey().ip() != null)
        .sorted((a, b) -> b.getValue() - a.getValue())
        .map(e -> e.getKey().ip())
        .distinct()
        .limit(4)
        .reduce((a, b) -> a + ", " + b)
        .orElse("unknown");
  }
}
