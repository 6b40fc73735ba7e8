package org.mapiscope.report.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.sim.whatif.UserWhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;
import org.mapiscope.sim.whatif.WhatIfSettings;

/**
 * The console text of {@code whatif}: the settings before and after, how well the replay reproduces
 * the evidence under the current settings, then per user the 9646 and failed connects observed and
 * predicted, totals and the minimal limit. Stateless and thread-safe.
 */
public final class WhatIfText {

  private WhatIfText() {}

  /**
   * @param r the replay under the changed settings ({@code r.settings()} is "after")
   * @param baseline the same sessions replayed under the settings the evidence was logged under
   *     ({@code baseline.settings()} is "before"); it shows how closely the replay fits
   */
  public static void print(WhatIfResult r, WhatIfResult baseline, PrintStream out, boolean color) {
    Ansi a = new Ansi(color);
    WhatIfSettings before = baseline.settings();
    WhatIfSettings after = r.settings();
    List<String> lines = new ArrayList<>();
    lines.add(a.bold("What if \u2014 the sessions in the evidence replayed under other settings"));
    lines.add(
        "  "
            + ConsoleFormat.pad("Settings", 15)
            + change(
                "KeepAliveTime",
                ConsoleFormat.millis(before.keepAliveTimeMs()),
                ConsoleFormat.millis(after.keepAliveTimeMs()))
            + ", "
            + change(
                "session limit",
                Integer.toString(before.sessionLimit()),
                Integer.toString(after.sessionLimit())));
    lines.add(
        "  "
            + ConsoleFormat.pad("Fit", 15)
            + "replayed under the current settings: "
            + ConsoleFormat.count(baseline.total().predicted())
            + " of the "
            + ConsoleFormat.count(baseline.total().observed())
            + " observed 9646"
            + a.dim(
                "  (a moved-on client is reaped a dead-peer time after it was last known alive)"));
    lines.add(
        "  "
            + ConsoleFormat.pad("Minimal limit", 15)
            + a.bold(Integer.toString(r.minimalLimit()))
            + a.dim(
                "  (the smallest session limit with no 9646 under KeepAliveTime "
                    + ConsoleFormat.millis(after.keepAliveTimeMs())
                    + ")"));
    lines.add("");
    int width =
        Math.max(
            5,
            r.byUser().stream()
                .limit(ConsoleSummary.TOP)
                .mapToInt(u -> Math.min(30, Ansi.clean(u.user()).length()))
                .max()
                .orElse(0));
    lines.add(
        "  "
            + a.dim(
                " ".repeat(width)
                    + "  "
                    + ConsoleFormat.padLeft("Event 9646", 20)
                    + "  "
                    + ConsoleFormat.padLeft("failed connects", 20)));
    lines.add(
        "  "
            + a.dim(
                ConsoleFormat.pad("User", width)
                    + "  "
                    + ConsoleFormat.padLeft("observed", 8)
                    + "   "
                    + ConsoleFormat.padLeft("predicted", 9)
                    + "  "
                    + ConsoleFormat.padLeft("observed", 8)
                    + "   "
                    + ConsoleFormat.padLeft("predicted", 9)
                    + "  "
                    + ConsoleFormat.padLeft("minimal limit", 13)));
    for (UserWhatIf u : r.byUser().subList(0, Math.min(ConsoleSummary.TOP, r.byUser().size()))) {
      lines.add(
          "  "
              + ConsoleFormat.pad(ConsoleFormat.cut(Ansi.clean(u.user()), 30), width)
              + "  "
              + counts(a, u.observed(), u.predicted())
              + "  "
              + counts(a, u.observedFailedConnects(), u.predictedFailedConnects())
              + "  "
              + ConsoleFormat.padLeft(Integer.toString(u.minimalLimit()), 13));
    }
    if (r.byUser().size() > ConsoleSummary.TOP) {
      lines.add(
          a.dim(
              "  \u2026 and "
                  + ConsoleFormat.count(r.byUser().size() - ConsoleSummary.TOP)
                  + " more (see byUser in the JSON)"));
    }
    lines.add(
        "  "
            + a.bold(ConsoleFormat.pad("Total", width))
            + "  "
            + counts(a, r.total().observed(), r.total().predicted())
            + "  "
            + counts(a, r.total().observedFailedConnects(), r.total().predictedFailedConnects())
            + "  "
            + ConsoleFormat.padLeft(Integer.toString(r.minimalLimit()), 13));
    List<UserWhatIf> noted = r.byUser().stream().filter(u -> u.note() != null).toList();
    if (!noted.isEmpty()) {
      lines.add("");
      for (UserWhatIf u : noted.subList(0, Math.min(ConsoleSummary.TOP, noted.size()))) {
        lines.add("  " + ConsoleFormat.cut(Ansi.clean(u.user()), 30) + ": " + u.note());
      }
      if (noted.size() > ConsoleSummary.TOP) {
        lines.add(
            a.dim(
                "  \u2026 and "
                    + ConsoleFormat.count(noted.size() - ConsoleSummary.TOP)
                    + " more notes (see byUser in the JSON)"));
      }
    }
    lines.forEach(out::println);
    out.flush();
  }

  private static String change(String what, String before, String after) {
    return before.equals(after)
        ? what + " " + before + " (unchanged)"
        : what + " " + before + " \u2192 " + after;
  }

  /** {@code observed → predicted}, the prediction green when lower and red when higher. */
  private static String counts(Ansi a, long observed, long predicted) {
    String p = ConsoleFormat.padLeft(ConsoleFormat.count(predicted), 9);
    String shown = predicted < observed ? a.green(p) : predicted > observed ? a.red(p) : p;
    return ConsoleFormat.padLeft(ConsoleFormat.count(observed), 8) + " \u2192 " + shown;
  }
}
