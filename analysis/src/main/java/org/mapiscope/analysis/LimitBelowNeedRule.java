package org.mapiscope.analysis;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LIMIT_BELOW_NEED: no other user cause, and legitimate demand above the limit. Demand (DESIGN §1) =
 * active sessions at the worst rejection burst + attempts refused in it, counted only when at most
 * {@link Thresholds#LEGITIMATE_MAX_STALE_SHARE} of the held sessions were leftovers; without RCA
 * rejections, a snapshot with at least the limit of recently used logons plus the refused one.
 */
final class LimitBelowNeedRule implements CauseRule {

    /** Causes that explain the events instead: raising the limit would only delay the pain. */
    private static final Set<Cause> OTHER_CAUSES = EnumSet.of(Cause.DEAD_CLIENT_SESSIONS, Cause.SESSION_HUNGRY_CLIENT,
            Cause.MIDDLEBOX_HOLDING, Cause.SERVICE_ACCOUNT_NEED, Cause.OBJECT_LEAK);

    /** The legitimate demand behind a user's rejections. */
    record Demand(int demand, int limit, int recommended, Instant at, String basis) {
    }

    @Override
    public Cause cause() {
        return Cause.LIMIT_BELOW_NEED;
    }

    static Optional<Demand> demand(UserFacts u, RuleContext ctx) {
        int limit = ctx.sessionLimitOf(u);
        RejectionBurst b = u.burst;
        int demand;
        Instant at;
        String basis;
        if (b != null && b.staleShare() <= Thresholds.LEGITIMATE_MAX_STALE_SHARE) {
            demand = b.activeDemand();
            at = b.start;
            basis = b.maxActive + " sessions in use plus " + b.rejected + " refused in the same burst at "
                    + Texts.time(b.start);
        } else if (b == null && u.sessionLimitEvents() > 0 && u.snapshotRecent >= limit
                && u.snapshotStale * 4 <= u.snapshotRecent) {
            demand = u.snapshotRecent + 1;
            at = u.snapshotAt;
            basis = u.snapshotRecent + " logons in use in a snapshot plus the one refused";
        } else if (u.peakActive > limit) {
            demand = u.peakActive;
            at = u.peakAt;
            basis = u.peakActive + " sessions in use at once";
        } else {
            return Optional.empty();
        }
        if (demand <= limit) {
            return Optional.empty();
        }
        int recommended = Thresholds.raisedLimit(demand);
        return Optional.of(new Demand(demand, limit, recommended, at, basis + " = demand " + demand + ", plus a margin of "
                + (recommended - demand) + " (10%, at least " + Thresholds.RAISE_MARGIN_MIN + ")"));
    }

    @Override
    public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
        if (ctx.foundForUser().stream().anyMatch(OTHER_CAUSES::contains)) {
            return Optional.empty();
        }
        Optional<Demand> found = demand(u, ctx);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Demand d = found.get();
        ServerFacts sf = ctx.serverOf(u);
        double confidence = 0.65 + (u.oneTimeAddresses == 0 ? 0.1 : 0) + (u.sessionLimitEvents() > 0 ? 0.1 : 0);
        String s = u.user + " needs more sessions than the limit allows: at " + Texts.time(d.at()) + " the demand was "
                + d.demand() + " (" + d.basis().substring(0, d.basis().indexOf(" = ")) + ") against a limit of "
                + d.limit() + ", with no sessions left behind by vanished clients and no other cause in the evidence."
                + " Clients: " + clients(u) + "." + RuleContext.eventsSentence(u);
        Remedy reduce = new Remedy(Prescriptions.CLIENT, Remedy.Action.FIX_CLIENT,
                "First reduce what " + u.user + " opens at once",
                "Check with " + u.user + " which machines run Outlook at the same time (" + clients(u) + ") and which "
                        + "additional mailboxes are opened; close unused ones or open shared mailboxes in one profile "
                        + "only. If the need stays, take the last step.",
                List.of());
        Remedy raise = ctx.prescriptions().raiseSessionLimit(u.user, sf, d.limit(), d.recommended(), d.basis());
        return Optional.of(new Finding(Finding.Scope.USER, u.user, cause(), Math.min(0.95, confidence), s,
                RuleContext.evidence(u.rejectedExamples, u.moved), List.of(reduce, raise)));
    }

    private static String clients(UserFacts u) {
        return u.clientSessions.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(4)
                .map(e -> e.getKey().describe() + " " + Texts.count(e.getValue(), "session", "sessions"))
                .reduce((a, b) -> a + ", " + b).orElse("none logged");
    }
}
