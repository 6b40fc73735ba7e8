package org.mapiscope.report.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.report.RemedyPlan;

/**
 * The README.txt written beside the scripts: the report's steps with the console's numbers ("What
 * to do first"), which script carries each, which are done by hand and which script was refused,
 * then what each script does, restarts and checks. Its words follow what was written: no advice
 * about client-side causes when there are none, and a refused script is never "no change
 * prescribed".
 */
final class ScriptsReadme {

  private ScriptsReadme() {}

  static String text(
      List<RemedyPlan.Step> steps,
      Map<Remedy, List<ScriptUnit>> byRemedy,
      List<ScriptUnit> units,
      List<ScriptSet.Skipped> skipped) {
    ScriptText t = new ScriptText();
    t.line("mapiscope fix scripts");
    t.line("=====================");
    t.blank();
    t.line(
        "Before changing anything, keep this run to compare with later (skip if you already did):");
    t.line("  mapiscope analyze <evidence> --json before.json");
    t.line("with the same evidence this report was made from.");
    t.blank();
    if (steps.isEmpty()) {
      t.line("The analysis found no cause: nothing is prescribed and no script was written.");
    } else {
      t.line("The steps, numbered as in the report's \"What to do first\":");
      List<Integer> byHand = new ArrayList<>();
      List<Integer> refused = new ArrayList<>();
      int n = 0;
      for (RemedyPlan.Step s : steps) {
        n++;
        List<ScriptUnit> mine = byRemedy.getOrDefault(s.remedy(), List.of());
        List<ScriptSet.Skipped> notWritten =
            skipped.stream().filter(k -> s.remedy().changes().contains(k.change())).toList();
        String how;
        if (s.remedy().changes().isEmpty()) {
          how = "by hand (no script)";
          byHand.add(n);
        } else if (!mine.isEmpty()) {
          how =
              "script "
                  + String.join(", ", mine.stream().map(ScriptUnit::script).toList())
                  + (notWritten.isEmpty() ? "" : "; part not written, see below");
        } else {
          how =
              "script not written (unsafe value), see below: apply by hand after checking the"
                  + " value";
          refused.add(n);
        }
        t.line(
            "  "
                + n
                + ". "
                + ScriptText.oneLine(s.remedy().title())
                + "  ["
                + ScriptText.oneLine(String.join(", ", s.subjects()))
                + "]");
        t.line("     " + how);
      }
      t.blank();
      if (!byHand.isEmpty()) {
        t.line(
            stepWords(byHand)
                + (byHand.size() == 1 ? " is" : " are")
                + " done by hand, as the report describes;"
                + " do "
                + (byHand.size() == 1 ? "it" : "them")
                + " in order with the scripts.");
      }
      if (!refused.isEmpty()) {
        t.line(
            "A server change is prescribed for "
                + stepWords(refused).toLowerCase(java.util.Locale.ROOT)
                + ", but its script was refused (see \"Not written\" below).");
      }
      if (!units.isEmpty()) {
        t.line(
            "Run the scripts in number order, one step at a time, and check the result before the"
                + " next.");
        t.line(
            "Each script has a -rollback twin that restores the exact values read from the"
                + " evidence");
        t.line("(or deletes a value that was absent); undo in reverse order.");
        if (units.stream().anyMatch(u -> u.script().endsWith(".reg"))) {
          t.line(
              ".reg files: double-click or run  reg import <file>  as an administrator on the"
                  + " server named.");
        }
        if (units.stream().anyMatch(u -> u.script().endsWith(".ps1"))) {
          t.line(".ps1 files: run in the Exchange Management Shell.");
        }
      } else {
        t.line("No script was written.");
      }
    }
    for (ScriptUnit u : units) {
      t.blank();
      int step = stepOf(steps, byRemedy, u);
      t.line(
          String.format("%02d  %s", u.number(), ScriptText.oneLine(u.title()))
              + (step > 0 ? "  (step " + step + ")" : ""));
      t.line("    file:     " + u.script());
      t.line("    undo:     " + u.rollback());
      t.line("    run on:   " + ScriptText.oneLine(u.where()));
      t.line("    restart:  " + u.restart());
      t.line("    verify:");
      u.verify().forEach(v -> t.line("      " + ScriptText.oneLine(v)));
    }
    if (!skipped.isEmpty()) {
      t.blank();
      t.line(
          "Not written (the value was refused as unsafe; apply by hand after checking the value):");
      skipped.forEach(
          s -> t.line("  - " + ScriptText.oneLine(s.remedyTitle()) + ": " + s.reason()));
    }
    if (!steps.isEmpty()) {
      t.blank();
      t.line("Afterwards: collect fresh evidence covering at least as many days as before, run");
      t.line("  mapiscope analyze <evidence> --json after.json");
      t.line("and compare with the run saved before the change:");
      t.line("  mapiscope compare before.json after.json");
    }
    return t.text();
  }

  /** The first step (console number) whose remedy this script carries, or 0. */
  private static int stepOf(
      List<RemedyPlan.Step> steps, Map<Remedy, List<ScriptUnit>> byRemedy, ScriptUnit u) {
    for (int i = 0; i < steps.size(); i++) {
      if (byRemedy.getOrDefault(steps.get(i).remedy(), List.of()).contains(u)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** "Step 1" or "Steps 1, 3". */
  private static String stepWords(List<Integer> numbers) {
    return (numbers.size() == 1 ? "Step " : "Steps ")
        + String.join(", ", numbers.stream().map(String::valueOf).toList());
  }
}
