package org.mapiscope.analysis;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mapiscope.model.Cause;

/**
 * LIMIT_BELOW_NEED: no other user cause, and legitimate demand above the limit. Demand
 * (docs/domain.md) is proven by refusals: the sessions alive at a refusal plus the distinct
 * attempts refused then (retries collapsed), counted only when at most {@link
 * Thresholds#LEGITIMATE_MAX_STALE_SHARE} of the sessions held were leftovers. The number
 * recommended is the smallest limit under which the replay of the evidence refuses nothing — the
 * same computation {@code whatif} makes — plus the stated margin. Without RCA logs covering the
 * refusals: a snapshot with at least the limit of recently used logons.
 */
final class LimitBelowNeedRule implements CauseRule {

  /** Causes that explain the events instead: raising the limit would only delay the pain. */
  private static final Set<Cause> OTHER_CAUSES =
      EnumSet.of(
          Cause.DEAD_CLIENT_SESSIONS,
          Cause.SESSION_HUNGRY_CLIENT,
          Cause.MIDDLEBOX_HOLDING,
          Cause.SERVICE_ACCOUNT_NEED,
          Cause.OBJECT_LEAK);

  /**
   * The legitimate demand behind a user's refusals.
   *
   * @param demand the smallest limit that refuses none of the user's attempts
   * @param limit the limit in force
   * @param recommended demand plus the margin
   * @param at the refusal that proves it
   * @param basis how it was computed, in words
   */
  record Demand(int demand, int limit, int recommended, Instant at, String basis) {}

  @Override
  public Cause cause() {
    return Cause.LIMIT_BELOW_NEED;
  }

  /**
   * The demand the user's refusals prove, whatever the cause; empty when nothing proves demand
   * above the limit. {@code legitimateOnly} additionally requires the sessions held at the refusal
   * to be in use.
   */
  static Optional<Demand> demand(UserFacts u, RuleContext ctx, boolean legitimateOnly) {
    int limit = ctx.sessionLimitOf(u);
    RefusalJoin.AtRefusal w = u.refusals.worst;
    int demand;
    Instant at;
    String basis;
    if (w != null
        && w.covered()
        && (!legitimateOnly || w.stale() <= w.open() * Thresholds.LEGITIMATE_MAX_STALE_SHARE)) {
      demand = minimalLimit(u, ctx);
      at = w.at();
      basis =
          w.alive()
              + " sessions in use and "
              + SummaryWording.count(w.refused(), "attempt", "attempts")
              + " refused at "
              + SummaryWording.time(w.at())
              + "; the smallest limit that admits every attempt in the "
              + "evidence (what mapiscope whatif computes) is "
              + demand;
    } else if (w == null
        && u.sessionLimitEvents() > 0
        && u.snapshots.snapshotRecent >= limit
        && u.snapshots.snapshotStale * 4 <= u.snapshots.snapshotRecent) {
      demand = u.snapshots.snapshotRecent + 1;
      at = u.snapshots.snapshotAt;
      basis = u.snapshots.snapshotRecent + " logons in use in a snapshot plus the one refused";
    } else if (w != null && !w.covered() && !legitimateOnly) {
      // No sessions recorded at the refusal: the store held its limit then, plus what it refused.
      demand = limit + w.refused();
      at = w.at();
      basis =
          "the limit of "
              + limit
              + " held and "
              + SummaryWording.count(w.refused(), "attempt", "attempts")
              + " refused at "
              + SummaryWording.time(w.at())
              + " (no RCA log covers that moment)";
    } else {
      return Optional.empty();
    }
    if (demand <= limit) {
      return Optional.empty();
    }
    int recommended = Thresholds.raisedLimit(demand);
    return Optional.of(
        new Demand(
            demand,
            limit,
            recommended,
            at,
            basis
                + " = demand "
                + demand
                + ", plus a margin of "
                + (recommended - demand)
                + " (10%, at least "
                + Thresholds.RAISE_MARGIN_MIN
                + ")"));
  }

  /**
   * The largest of the user's per-server smallest limits, under each server's settings in force.
   */
  private static int minimalLimit(UserFacts u, RuleContext ctx) {
    int best = 0;
    for (RefusalJoin j : u.refusals.joins) {
      ServerFacts sf = ctx.servers().getOrDefault(j.server(), ctx.serverOf(u));
      best = Math.max(best, j.minimalLimit(sf.deadPeerMs()));
    }
    return best;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    if (ctx.foundForUser().stream().anyMatch(OTHER_CAUSES::contains)) {
      return Optional.empty();
    }
    Optional<Demand> found = demand(u, ctx, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Demand d = found.get();
    ServerFacts sf = ctx.serverOf(u);
    double confidence =
        Confidence.of(
            Confidence.NEED,
            u.clients.oneTimeAddresses == 0 ? Confidence.NEED_FIXED_ADDRESSES : null,
            u.sessionLimitEvents() > 0 ? Confidence.NEED_WITH_9646 : null);
    String s =
        u.user
            + " needs more sessions than the limit allows: at "
            + SummaryWording.time(d.at())
            + " the demand was "
            + d.demand()
            + " ("
            + d.basis().substring(0, d.basis().indexOf(" = "))
            + ") against a limit of "
            + d.limit()
            + ", with no sessions left behind by vanished clients and no other cause in the"
            + " evidence. Clients: "
            + clients(u)
            + "."
            + RuleContext.eventsSentence(u);
    Remedy reduce =
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.FIX_CLIENT,
            "First reduce what " + u.user + " opens at once",
            "Check with "
                + u.user
                + " which machines run Outlook at the same time ("
                + clients(u)
                + ") and which additional mailboxes are opened; close unused ones or open shared"
                + " mailboxes in one profile only. If the need stays, take the last step.",
            List.of());
    Remedy raise =
        ctx.prescriptions().raiseSessionLimit(u.user, sf, d.limit(), d.recommended(), d.basis());
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause(),
            confidence,
            s,
            RuleContext.evidence(u.refusals.rejectedExamples, u.eventExamples(), u.leftovers.moved),
            List.of(reduce, raise),
            new FindingFacts.LimitBelowNeed(d.demand(), d.limit(), d.recommended(), d.at())));
  }

  private static String clients(UserFacts u) {
    return u.clients.clientSessions.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(4)
        .map(
            e ->
                e.getKey().describe()
                    + " "
                    + SummaryWording.count(e.getValue(), "session", "sessions"))
        .reduce((a, b) -> a + ", " + b)
        .orElse("none logged");
  }
}
