package org.mapiscope.analysis;

import java.util.List;
import java.util.Optional;
import org.mapiscope.model.Cause;

/**
 * SESSION_HUNGRY_CLIENT: one client (address and program) holding at least {@link
 * Thresholds#HUNGRY_MIN_ACTIVE} active sessions at once, or a logon snapshot with that many
 * recently used logons from one machine. Outlook opens a handful; more means an indexer, add-in,
 * sync tool or script. Service accounts are left to {@link ServiceAccountRule}.
 */
final class HungryClientRule implements CauseRule {

  @Override
  public Cause cause() {
    return Cause.SESSION_HUNGRY_CLIENT;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    if (ctx.foundForUser().contains(Cause.SERVICE_ACCOUNT_NEED)) {
      return Optional.empty();
    }
    boolean fromRca = u.clients.hungryPeak >= Thresholds.HUNGRY_MIN_ACTIVE;
    boolean fromSnapshot = u.snapshots.hungryMachineCount >= Thresholds.HUNGRY_MIN_ACTIVE;
    if (!fromRca && !fromSnapshot) {
      return Optional.empty();
    }
    String software = fromRca ? u.clients.hungryClient.software() : null;
    String machine =
        fromRca
            ? (u.clients.hungryClient.ip() == null
                ? "an unknown address"
                : u.clients.hungryClient.ip())
            : u.snapshots.hungryMachine;
    int count = fromRca ? u.clients.hungryPeak : u.snapshots.hungryMachineCount;
    boolean outlook = ClientSoftware.isOutlookOrUnknown(software);
    double confidence =
        Confidence.of(
            outlook ? Confidence.HUNGRY_OUTLOOK : Confidence.HUNGRY_OTHER_PROGRAM,
            fromRca
                    && u.refusals.worst != null
                    && u.refusals.worst.covered()
                    && u.clients.hungryPeak * 2 >= u.refusals.worst.open()
                ? Confidence.HUNGRY_HELD_HALF_AT_REFUSAL
                : null);
    StringBuilder s = new StringBuilder();
    s.append(u.user)
        .append("'s client ")
        .append(fromRca ? u.clients.hungryClient.describe() : machine)
        .append(" held ")
        .append(count)
        .append(" active sessions at once (")
        .append(SummaryWording.time(fromRca ? u.clients.hungryAt : u.snapshots.hungryMachineAt))
        .append(fromRca ? ")" : ", logon snapshot)")
        .append(", where Outlook needs a handful.");
    if (software != null && !outlook) {
      s.append(" The program is ")
          .append(software)
          .append(
              ", not Outlook: a desktop search indexer, archiving or sync tool or script opening"
                  + " its own sessions.");
    } else {
      s.append(
          " One Outlook with that many sessions points to an add-in, a desktop search indexer or"
              + " several profiles opening the mailbox.");
    }
    if (fromRca && u.refusals.worst != null && u.refusals.worst.covered()) {
      s.append(" When the server refused a connect at ")
          .append(SummaryWording.time(u.refusals.worst.at()))
          .append(" it held ")
          .append(SummaryWording.count(u.refusals.worst.open(), "session", "sessions"))
          .append(" for ")
          .append(u.user)
          .append(".");
    }
    s.append(RuleContext.eventsSentence(u));
    String what =
        software != null && !outlook
            ? "the program " + software
            : "the process opening the sessions";
    Remedy fix =
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.FIX_CLIENT,
            "Stop " + what + " on " + machine + " from opening so many sessions",
            "On the machine at "
                + machine
                + ", find "
                + what
                + ": exclude the mailbox from desktop search indexing, disable or update the"
                + " Outlook add-in (start Outlook with /safe to confirm), or reconfigure the"
                + " sync/archiving tool to reuse one session. Verify: that machine holds no more"
                + " than a handful of sessions for "
                + u.user
                + ".",
            List.of());
    FindingFacts facts =
        new FindingFacts.HungryClient(
            machine,
            software,
            count,
            fromRca ? u.clients.hungryAt : u.snapshots.hungryMachineAt,
            !fromRca);
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause(),
            confidence,
            s.toString(),
            RuleContext.evidence(
                hungryRef(u), u.snapshots.snapshotHungryExamples, u.refusals.rejectedExamples),
            List.of(fix),
            facts));
  }

  private static ExampleSample hungryRef(UserFacts u) {
    ExampleSample sample = new ExampleSample();
    if (u.clients.hungryRef != null && u.clients.hungryPeak >= Thresholds.HUNGRY_MIN_ACTIVE) {
      sample.add(
          new Example(
              u.clients.hungryAt,
              u.clients.hungryRef,
              "connect from "
                  + u.clients.hungryClient.describe()
                  + " bringing its active sessions to "
                  + u.clients.hungryPeak));
    }
    return sample;
  }
}
