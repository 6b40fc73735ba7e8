package org.mapiscope.report.scripts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.FixChange;
import org.mapiscope.analysis.FixChange.RegistryDword;
import org.mapiscope.analysis.FixChange.ThrottlingPolicy;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.report.RemedyPlan;

/**
 * Turns the server changes prescribed in an analysis into numbered scripts with rollbacks. Order:
 * remedies by {@link Remedy#order()} (the expert's order), then as the findings list them. Registry
 * changes of one remedy are grouped per server, a throttling policy gets one script per account; a
 * change prescribed by several findings is rendered once. Stateless and thread-safe.
 */
public final class FixScripts {

  private FixScripts() {}

  private static final String ALL_SERVERS = "every affected Exchange server";
  private static final String SHELL = "Exchange Management Shell";

  public static ScriptSet render(AnalysisResult result) {
    List<Remedy> remedies = new ArrayList<>();
    for (Finding f : result.findings()) {
      for (Remedy r : f.remedies()) {
        if (!r.changes().isEmpty() && !remedies.contains(r)) {
          remedies.add(r);
        }
      }
    }
    remedies.sort(
        Comparator.comparingInt(Remedy::order)); // stable: keeps findings order within a step
    Plan plan = new Plan();
    remedies.forEach(plan::add);
    plan.files.add(readme(RemedyPlan.of(result), plan.byRemedy, plan.units, plan.skipped));
    return new ScriptSet(plan.units, plan.byRemedy, plan.skipped, plan.files);
  }

  /** Accumulates units while numbering them. */
  private static final class Plan {
    final List<ScriptUnit> units = new ArrayList<>();
    final Map<Remedy, List<ScriptUnit>> byRemedy = new LinkedHashMap<>();
    final List<ScriptSet.Skipped> skipped = new ArrayList<>();
    final List<ScriptFile> files = new ArrayList<>();
    final Map<List<FixChange>, ScriptUnit> seen = new HashMap<>();

    void add(Remedy remedy) {
      List<ScriptUnit> mine = byRemedy.computeIfAbsent(remedy, r -> new ArrayList<>());
      for (List<FixChange> group : groups(remedy)) {
        ScriptUnit unit = seen.computeIfAbsent(group, g -> render(remedy, g));
        if (unit != null && !mine.contains(unit)) {
          mine.add(unit);
        }
      }
    }

    private ScriptUnit render(Remedy remedy, List<FixChange> group) {
      for (FixChange c : group) {
        String problem =
            c instanceof RegistryDword r
                ? RegScripts.problem(r)
                : PolicyScripts.problem((ThrottlingPolicy) c);
        if (problem != null) {
          skipped.add(new ScriptSet.Skipped(remedy.title(), c, problem));
          return null;
        }
      }
      int number = units.size() + 1;
      ScriptUnit unit =
          group.get(0) instanceof RegistryDword first
              ? registry(number, remedy, first.server(), group)
              : policy(number, remedy, (ThrottlingPolicy) group.get(0));
      units.add(unit);
      return unit;
    }

    private ScriptUnit registry(int number, Remedy remedy, String server, List<FixChange> group) {
      List<RegistryDword> changes = group.stream().map(RegistryDword.class::cast).toList();
      String base =
          String.format(
              Locale.ROOT,
              "%02d-%s-%s",
              number,
              slug(remedy.action()),
              server == null ? "all-servers" : SafeNames.filePart(server));
      String script = base + ".reg";
      String rollback = base + "-rollback.reg";
      String where = server == null ? ALL_SERVERS : server;
      files.add(file(script, RegScripts.apply(remedy.title(), where, rollback, changes), true));
      files.add(file(rollback, RegScripts.rollback(remedy.title(), where, changes), true));
      return new ScriptUnit(
          number,
          remedy.title(),
          where,
          script,
          rollback,
          RegScripts.restartFor(changes),
          RegScripts.verify(changes),
          group);
    }

    private ScriptUnit policy(int number, Remedy remedy, ThrottlingPolicy change) {
      String base =
          String.format(
              Locale.ROOT,
              "%02d-%s-%s",
              number,
              slug(remedy.action()),
              SafeNames.filePart(change.account()));
      String script = base + ".ps1";
      String rollback = base + "-rollback.ps1";
      files.add(file(script, PolicyScripts.apply(remedy.title(), rollback, change), false));
      files.add(file(rollback, PolicyScripts.rollback(remedy.title(), change), false));
      return new ScriptUnit(
          number,
          remedy.title(),
          SHELL,
          script,
          rollback,
          "No restart; allow a few minutes for the policy to apply.",
          PolicyScripts.verify(change),
          List.of(change));
    }
  }

  /** Registry changes per server (first-seen order), each throttling policy on its own. */
  private static List<List<FixChange>> groups(Remedy remedy) {
    Map<Object, List<FixChange>> byTarget = new LinkedHashMap<>();
    for (FixChange c : remedy.changes()) {
      // Java 17: no pattern switch yet; FixChange has exactly these two kinds.
      Object target = c instanceof RegistryDword r ? "reg:" + r.server() : c;
      byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(c);
    }
    return new ArrayList<>(byTarget.values());
  }

  private static String slug(Remedy.Action action) {
    return switch (action) {
      case LOWER_KEEPALIVE -> "keepalive";
      case RAISE_SESSION_LIMIT -> "session-limit";
      case RAISE_OBJECT_LIMIT -> "object-limit";
      case DEDICATED_THROTTLING_POLICY -> "throttling-policy";
      case EXEMPT_SERVICE_ACCOUNT -> "exempt-account";
      case FIX_CLIENT -> "client";
      case CONFIGURE_MIDDLEBOX -> "middlebox";
      case COLLECT_EVIDENCE -> "evidence";
    };
  }

  private static ScriptFile file(String name, byte[] bytes, boolean utf16) {
    int bom = utf16 ? 2 : 3;
    String text =
        new String(
            bytes,
            bom,
            bytes.length - bom,
            utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
    return new ScriptFile(name, text, bytes);
  }

  private static ScriptFile readme(
      List<RemedyPlan.Step> steps,
      Map<Remedy, List<ScriptUnit>> byRemedy,
      List<ScriptUnit> units,
      List<ScriptSet.Skipped> skipped) {
    String text = ScriptsReadme.text(steps, byRemedy, units, skipped);
    return new ScriptFile(ScriptSet.README, text, text.getBytes(StandardCharsets.UTF_8));
  }
}
