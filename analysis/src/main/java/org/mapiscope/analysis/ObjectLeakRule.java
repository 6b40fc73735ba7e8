package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.Setting;

/**
 * OBJECT_LEAK: any 9646 for an object type other than {@code session}. Folder caps (objtFolder,
 * objtFolderView) are also reached by legitimately large mailboxes and many shared mailboxes in
 * cached mode, so only they get the KB830829 last-resort raise; other types are leaks to fix.
 */
final class ObjectLeakRule implements CauseRule {

  /** Object types a large mailbox legitimately fills: one object per folder opened. */
  private static final Set<String> FOLDER_TYPES = Set.of("objtFolder", "objtFolderView");

  private final SettingsBook settings;
  private final boolean onlyServer;

  ObjectLeakRule(SettingsBook settings, boolean onlyServer) {
    this.settings = settings;
    this.onlyServer = onlyServer;
  }

  @Override
  public Cause cause() {
    return Cause.OBJECT_LEAK;
  }

  @Override
  public Optional<Finding> apply(UserFacts u, RuleContext ctx) {
    List<LimitEventTally> tallies = u.objectTallies();
    if (tallies.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder(u.user).append(" exceeded per-session object caps:");
    ExampleSample examples = new ExampleSample();
    List<Remedy> remedies = new ArrayList<>();
    boolean folders = false;
    boolean others = false;
    for (LimitEventTally t : tallies) {
      Integer standard = ExchangeDefaults.OBJECT_LIMITS.get(t.key.objectType());
      s.append(" ")
          .append(SummaryWording.count(t.count, "event", "events"))
          .append(" for ")
          .append(t.key.objectType())
          .append(" (cap ")
          .append(t.key.limit())
          .append(
              standard == null
                  ? ""
                  : standard == t.key.limit() ? ", the default" : ", default " + standard)
          .append(") between ")
          .append(SummaryWording.time(t.first))
          .append(" and ")
          .append(SummaryWording.time(t.last))
          .append(t.servers.isEmpty() ? "" : " on " + String.join(", ", t.servers))
          .append(";");
      examples.addAll(t.examples);
      if (FOLDER_TYPES.contains(t.key.objectType())) {
        folders = true;
        raise(t).ifPresent(remedies::add);
      } else {
        others = true;
      }
    }
    s.setLength(s.length() - 1);
    s.append(". A program kept more objects of one kind open in one session than the store allows");
    s.append(
        folders
            ? "; for folders that is typically many or large shared mailboxes in cached mode, or an"
                + " add-in walking every folder."
            : ".");
    remedies.add(
        0,
        new Remedy(
            Prescriptions.CLIENT,
            Remedy.Action.FIX_CLIENT,
            "Fix the application that opens the objects for " + u.user,
            (folders
                    ? "Folders: in "
                        + u.user
                        + "'s Outlook clear \"Download shared folders\" or stop caching the large"
                        + " additional mailboxes (open them online), and look for add-ins that walk"
                        + " every folder (KB842022). "
                    : "")
                + (others
                    ? "Other object types: an application does not release the objects it opens"
                        + " (KB830836: scripts that never close MAPI objects); update or fix it. "
                    : "")
                + "Verify: no more Event 9646 for these object types.",
            List.of()));
    List<FindingFacts.ObjectCap> caps =
        tallies.stream()
            .map(t -> new FindingFacts.ObjectCap(t.key.objectType(), t.key.limit(), t.count))
            .toList();
    return Optional.of(
        new Finding(
            Finding.Scope.USER,
            u.user,
            cause(),
            Confidence.of(Confidence.LEAK),
            s.toString(),
            RuleContext.evidence(examples),
            remedies,
            new FindingFacts.ObjectLeak(caps)));
  }

  /** KB830829: last resort, +100 on the one object type, on each server that logged it. */
  private Optional<Remedy> raise(LimitEventTally t) {
    String type = t.key.objectType();
    int target = t.key.limit() + Thresholds.OBJECT_LIMIT_STEP;
    List<FixChange> changes = new ArrayList<>();
    List<String> servers =
        t.servers.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(t.servers);
    for (String server : servers) {
      Setting read =
          settings.get(
              server == null ? ServerNames.UNKNOWN : server,
              ExchangeDefaults.objectLimitSetting(type),
              onlyServer);
      Long previous =
          read == null || read.numericValue().isEmpty() ? null : read.numericValue().getAsLong();
      changes.add(
          new FixChange.RegistryDword(
              server,
              ExchangeDefaults.STORE_PARAMETERS_KEY + "\\" + ExchangeDefaults.MAX_OBJS_SUBKEY,
              type,
              target,
              previous));
    }
    return Optional.of(
        new Remedy(
            Prescriptions.LIMIT,
            Remedy.Action.RAISE_OBJECT_LIMIT,
            "Last resort: raise the "
                + type
                + " cap by "
                + Thresholds.OBJECT_LIMIT_STEP
                + " to "
                + target,
            "Only if the mailbox legitimately has that many folders open: set HKLM\\"
                + ExchangeDefaults.STORE_PARAMETERS_KEY
                + "\\"
                + ExchangeDefaults.MAX_OBJS_SUBKEY
                + "\\"
                + type
                + " to "
                + target
                + " (KB830829: raise only the type in the event, in small steps of "
                + Thresholds.OBJECT_LIMIT_STEP
                + "; each step costs store memory). Repeat only if events continue.",
            changes));
  }
}
