package org.mapiscope.report.scripts;

import java.util.List;

/** The README.txt written beside the scripts: what each does, in what order, restarts, checks. */
final class ScriptsReadme {

    private ScriptsReadme() {
    }

    static String text(List<ScriptUnit> units, List<ScriptSet.Skipped> skipped) {
        ScriptText t = new ScriptText();
        t.line("mapiscope fix scripts");
        t.line("=====================");
        t.blank();
        if (units.isEmpty()) {
            t.line("No server change is prescribed. Fix the client-side causes listed in the report first.");
        } else {
            t.line("Run the scripts in number order, one step at a time, and check the result before the next.");
            t.line("Step order follows the fix order: remove client-side causes first, then lower KeepAliveTime,");
            t.line("and only as a last resort raise a limit. Each script has a -rollback twin that restores the");
            t.line("exact values read from the evidence (or deletes a value that was absent); undo in reverse order.");
            t.line(".reg files: double-click or run  reg import <file>  as an administrator on the server named.");
            t.line(".ps1 files: run in the Exchange Management Shell.");
        }
        for (ScriptUnit u : units) {
            t.blank();
            t.line(String.format("%02d  %s", u.number(), ScriptText.oneLine(u.title())));
            t.line("    file:     " + u.script());
            t.line("    undo:     " + u.rollback());
            t.line("    run on:   " + ScriptText.oneLine(u.where()));
            t.line("    restart:  " + u.restart());
            t.line("    verify:");
            u.verify().forEach(v -> t.line("      " + ScriptText.oneLine(v)));
        }
        if (!skipped.isEmpty()) {
            t.blank();
            t.line("Not rendered (apply by hand after checking the value):");
            skipped.forEach(s -> t.line("  - " + ScriptText.oneLine(s.remedyTitle()) + ": " + s.reason()));
        }
        t.blank();
        t.line("Afterwards: collect fresh evidence covering at least as many days as before, run");
        t.line("  mapiscope analyze <evidence> --json after.json");
        t.line("and compare with the earlier run:");
        t.line("  mapiscope compare before.json after.json");
        return t.text();
    }
}
