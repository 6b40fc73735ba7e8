package org.mapiscope.analysis;

import java.util.List;
import java.util.Optional;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;

/**
 * The last rule: a user whose sessions were refused (Event 9646 of the session cap, or RCA
 * refusals) and for whom no other rule found the cause still gets a finding (docs/domain.md) — with
 * low confidence, the likeliest cause the evidence allows, and the evidence that would decide it.
 */
final class UndecidedRule implements CauseRule {

  /** Confidence of a cause the evidence cannot decide: below every decided finding. */
  static final double UNDECIDED = Confidence.of(Confidence.UNDECIDED);

  private Cause cause = Cause.DEAD_CLIENT_SESSIONS;

  @Override
  public Cause cause() {
    return cause;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    if (!ctx.foundForUser().isEmpty() || !u.symptomatic()) {
      return Optional.empty();
    }
    ServerFacts sf = ctx.serverOf(u);
    String on = sf.displayName() == null ? "the server" : sf.displayName();
    boolean serviceOnly = u.serviceSessionLimit() && u.refusals.worst == null;
    String why;
    if (serviceOnly) {
      cause = Cause.SESSION_HUNGRY_CLIENT;
      why =
          "The events name the cap of "
              + ExchangeDefaults.SERVICE_SESSIONS_PER_USER
              + " service sessions: a "
              + "client using Outlook on the web, ActiveSync, EWS, POP or IMAP for "
              + u.user
              + " opened more "
              + "sessions than that cap; RPC Client Access logs do not show those sessions.";
    } else if (u.refusalsCovered() && u.refusals.worst.stale() > 0) {
      cause = Cause.DEAD_CLIENT_SESSIONS;
      why =
          "When the server refused a connect at "
              + SummaryWording.time(u.refusals.worst.at())
              + " it held "
              + SummaryWording.count(u.refusals.worst.open(), "session", "sessions")
              + " for "
              + u.user
              + ", "
              + u.refusals.worst.stale()
              + " of them left behind by clients that had moved on — too few to be sure "
              + "they, and not legitimate use, exhausted the limit.";
    } else if (u.refusalsCovered()) {
      cause = Cause.LIMIT_BELOW_NEED;
      why =
          "When the server refused a connect at "
              + SummaryWording.time(u.refusals.worst.at())
              + " it held "
              + SummaryWording.count(u.refusals.worst.open(), "session", "sessions")
              + " for "
              + u.user
              + ", all in use, but the "
              + "demand the evidence proves is not above the limit.";
    } else if (u.refusals.worst != null && !u.usage.sessionServers.isEmpty()) {
      cause = Cause.DEAD_CLIENT_SESSIONS;
      why =
          "The RPC Client Access logs read show only "
              + SummaryWording.count(Math.max(0, u.refusals.worst.open()), "session", "sessions")
              + " of "
              + u.user
              + " open when "
              + on
              + " refused one at "
              + SummaryWording.time(u.refusals.worst.at())
              + ": the sessions counted against the limit are not in these logs (logs of another"
              + " server or another period, or clients outside RPC Client Access). Sessions left"
              + " behind by vanished clients are the most common reason, but the evidence cannot"
              + " tell.";
    } else {
      cause = Cause.DEAD_CLIENT_SESSIONS;
      why =
          "No RPC Client Access log or logon snapshot shows what "
              + on
              + " held for "
              + u.user
              + " when it refused; sessions left behind by clients that vanished (VPN, sleep) are"
              + " the most common reason, but the evidence cannot tell.";
    }
    String s =
        u.user
            + "'s sessions were refused and the evidence cannot decide why. "
            + why
            + RuleContext.eventsSentence(u);
    Remedy collect =
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.COLLECT_EVIDENCE,
            "Collect the evidence that decides the cause for " + u.user,
            "Export from "
                + on
                + " the RPC Client Access logs (…\\Logging\\RPC Client Access\\RCA_*.LOG) covering "
                + "the times of the events, run Get-LogonStatistics -Identity "
                + u.user
                + " | Export-Csv while "
                + "the events occur, and export HKLM\\"
                + ExchangeDefaults.TCPIP_PARAMETERS_KEY
                + "; then run mapiscope analyze again on all of it. Those show whether the sessions"
                + " held were in use, left behind by vanished clients, or opened by one program.",
            List.of());
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause,
            UNDECIDED,
            s,
            RuleContext.evidence(u.eventExamples(), u.refusals.rejectedExamples),
            List.of(collect),
            new FindingFacts.Undecided(
                !u.usage.sessionServers.isEmpty(), u.refusalsCovered(), serviceOnly)));
  }
}
