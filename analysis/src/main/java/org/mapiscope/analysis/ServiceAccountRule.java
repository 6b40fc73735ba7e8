package org.mapiscope.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mapiscope.model.Cause;

/**
 * SERVICE_ACCOUNT_NEED (scope account): an account that logs on to at least {@link
 * Thresholds#SERVICE_MIN_MAILBOXES} other mailboxes (DelegateLogon, snapshot mailbox ≠ user), or
 * runs service-like software (BlackBerry, MSExchangeRPC, …) with active concurrency at {@link
 * Thresholds#HIGH_WATER_FRACTION} of the limit or more.
 */
final class ServiceAccountRule implements CauseRule {

  @Override
  public Cause cause() {
    return Cause.SERVICE_ACCOUNT_NEED;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    long mailboxes = u.otherMailboxes();
    boolean serviceSoftware = !u.clients.serviceSoftware.isEmpty();
    int limit = ctx.sessionLimitOf(u);
    boolean steady = u.peakActiveConcurrent() >= limit * Thresholds.HIGH_WATER_FRACTION;
    if (mailboxes < Thresholds.SERVICE_MIN_MAILBOXES && !(serviceSoftware && steady)) {
      return Optional.empty();
    }
    double confidence =
        Confidence.of(
            Confidence.SERVICE_ACCOUNT,
            serviceSoftware ? Confidence.SERVICE_SOFTWARE : null,
            u.symptomatic() ? Confidence.SERVICE_REFUSED : null);
    String software = serviceSoftware ? String.join(", ", u.clients.serviceSoftware) : null;
    boolean blackBerry =
        software != null && software.toLowerCase(Locale.ROOT).contains("blackberry");
    StringBuilder s = new StringBuilder();
    s.append(u.user)
        .append(" works as a service account: it logged on to ")
        .append(SummaryWording.count(mailboxes, "other mailbox", "other mailboxes"));
    if (software != null) {
      s.append(" using ").append(software);
    }
    s.append(", holding up to ")
        .append(u.peakActiveConcurrent())
        .append(" active sessions at once against a limit of ")
        .append(limit)
        .append(". Its demand is legitimate and steady; the per-user limit is meant for people.");
    s.append(RuleContext.eventsSentence(u));
    var demand = sizing(u, ctx);
    Remedy fix =
        ctx.prescriptions()
            .serviceAccount(
                u.user,
                blackBerry,
                demand.map(LimitBelowNeedRule.Demand::recommended).orElse(null),
                demand.map(LimitBelowNeedRule.Demand::basis).orElse(null));
    FindingFacts facts =
        new FindingFacts.ServiceAccount(
            mailboxes,
            List.copyOf(u.clients.serviceSoftware),
            u.peakActiveConcurrent(),
            demand.map(LimitBelowNeedRule.Demand::demand).orElse(null),
            demand.map(LimitBelowNeedRule.Demand::recommended).orElse(null));
    return Optional.of(
        new Finding(
            Finding.Scope.ACCOUNT,
            u.user,
            cause(),
            confidence,
            s.toString(),
            RuleContext.evidence(
                u.clients.delegateExamples, u.refusals.rejectedExamples, u.eventExamples()),
            List.of(fix),
            facts));
  }

  /**
   * What a dedicated policy must allow: the demand the account's refusals prove (sessions held
   * then, all in use for a service, plus the attempts refused), plus the margin; empty without
   * refusals.
   */
  static java.util.Optional<LimitBelowNeedRule.Demand> sizing(UserFacts u, RuleContext ctx) {
    return LimitBelowNeedRule.demand(u, ctx, false);
  }
}
