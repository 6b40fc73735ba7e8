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
            + Texts.pad("Settings", 15)
            + change(
                "KeepAliveTime",
                Texts.millis(before.keepAliveTimeMs()),
                Texts.millis(after.keepAliveTimeMs()))
            + ", "
            + change(
                "session limit",
                Integer.toString(before.sessionLimit()),
                Integer.toString(after.sessionLimit())));
    lines.add(
        "  "
            + Texts.pad("Fit", 15)
            + "replayed under the current settings: "
            + Texts.count(baseline.total().predicted())
            + " of the "
            + Texts.count(baseline.total().observed())
            + " observed 9646"
            + a.dim(
                "  (a moved-on client is reaped a dead-peer time after it was last known alive)"));
    lines.add(
        "  "
            + Texts.pad("Minimal limit", 15)
            + a.bold(Integer.toString(r.minimalLimit()))
            + a.dim(
                "  (the smallest session limit with no 9646 under KeepAliveTime "
                    + Texts.millis(after.keepAliveTimeMs())
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
                    + Texts.padLeft("Event 9646", 20)
                    + "  "
                    + Texts.padLeft("failed connects", 20)));
    lines.add(
        "  "
            + a.dim(
                Texts.pad("User", width)
                    + "  "
                    + Texts.padLeft("observed", 8)
                    + "   "
                    + Texts.padLeft("predicted", 9)
                    + "  "
                    + Texts.padLeft("observed", 8)
                    + "   "
                    + Texts.padLeft("predicted", 9)
                    + "  "
                    + Texts.padLeft("minimal limit", 13)));
    for (UserWhatIf u : r.byUser().subList(0, Math.min(ConsoleSummary.TOP, r.byUser().size()))) {
      lines.add(
          "  "
              + Texts.pad(Texts.cut(Ansi.clean(u.user()), 30), width)
              + "  "
              + counts(a, u.observed(), u.predicted())
              + "  "
              + counts(a, u.observedFailedConnects(), u.predictedFailedConnects())
              + "  "
              + Texts.padLeft(Integer.toString(u.minimalLimit()), 13));
    }
    if (r.byUser().size() > ConsoleSummary.TOP) {
      lines.add(
          a.dim(
              "  \u2026 and "
                  + Texts.count(r.byUser().size() - ConsoleSummary.TOP)
                  + " more (see byUser in the JSON)"));
    }
    lines.add(
        "  "
            + a.bold(Texts.pad("Total", width))
            + "  "
            + counts(a, r.total().observed(), r.total().predicted())
            + "  "
            + counts(a, r.total().observedFailedConnects(), r.total().predictedFailedConnects())
            + "  "
            + Texts.padLeft(Integer.toString(r.minimalLimit()), 13));
    List<UserWhatIf> noted = r.byUser().stream().filter(u -> u.note() != null).toList();
    if (!noted.isEmpty()) {
      lines.add("");
      for (UserWhatIf u : noted.subList(0, Math.min(ConsoleSummary.TOP, noted.size()))) {
        lines.add("  " + Texts.cut(Ansi.clean(u.user()), 30) + ": " + u.note());
      }
      if (noted.size() > ConsoleSummary.TOP) {
        lines.add(
            a.dim(
                "  \u2026 and "
                    + Texts.count(noted.size() - ConsoleSummary.TOP)
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
    String p = Texts.padLeft(Texts.count(predicted), 9);
    String shown = predicted < observed ? a.green(p) : predicted > observed ? a.red(p) : p;
    return Texts.padLeft(Texts.count(observed), 8) + " \u2192 " + shown;
  }
}
