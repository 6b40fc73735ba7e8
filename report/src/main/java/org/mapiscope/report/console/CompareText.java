package org.mapiscope.report.console;

import java.io.PrintStream;
import java.util.Locale;
import org.mapiscope.report.compare.Comparison;

/**
 * The console text of {@code compare}: the verdict, the totals, and the users that changed most.
 */
public final class CompareText {

  private CompareText() {}

  public static void print(Comparison c, PrintStream out, boolean color) {
    Ansi a = new Ansi(color);
    out.println(a.bold("Event 9646 before and after"));
    out.println(
        "  "
            + ConsoleFormat.pad("Before", 8)
            + line(c.total().before(), c.total().daysBefore(), c.total().perDayBefore())
            + "  "
            + a.dim(Ansi.clean(c.before())));
    out.println(
        "  "
            + ConsoleFormat.pad("After", 8)
            + line(c.total().after(), c.total().daysAfter(), c.total().perDayAfter())
            + "  "
            + a.dim(Ansi.clean(c.after())));
    out.println(
        "  "
            + ConsoleFormat.pad("Verdict", 8)
            + (c.improved() ? a.green("improved") : a.red("not improved")));
    if (!c.newCauses().isEmpty()) {
      out.println(
          "  "
              + ConsoleFormat.pad("New", 8)
              + a.yellow(Ansi.clean(String.join(", ", c.newCauses()))));
    }
    if (!c.goneCauses().isEmpty()) {
      out.println(
          "  " + ConsoleFormat.pad("Gone", 8) + Ansi.clean(String.join(", ", c.goneCauses())));
    }
    if (c.byUser().isEmpty()) {
      return;
    }
    out.println();
    out.println(a.bold("Users") + a.dim("  (before \u2192 after, causes after)"));
    for (Comparison.UserChange u :
        c.byUser().subList(0, Math.min(ConsoleSummary.TOP, c.byUser().size()))) {
      out.println(
          "  "
              + ConsoleFormat.pad(ConsoleFormat.cut(Ansi.clean(u.user()), 30), 30)
              + ConsoleFormat.padLeft(ConsoleFormat.count(u.counts().before()), 8)
              + " \u2192 "
              + ConsoleFormat.padLeft(ConsoleFormat.count(u.counts().after()), 8)
              + "  "
              + (u.causesAfter().isEmpty()
                  ? a.green("no cause left")
                  : Ansi.clean(String.join(", ", u.causesAfter()))));
    }
    if (c.byUser().size() > ConsoleSummary.TOP) {
      out.println(a.dim("  \u2026 and " + (c.byUser().size() - ConsoleSummary.TOP) + " more"));
    }
    out.flush();
  }

  private static String line(long n, long days, double perDay) {
    return ConsoleFormat.padLeft(ConsoleFormat.count(n), 9)
        + " in "
        + ConsoleFormat.padLeft(Long.toString(days), 3)
        + " d  = "
        + String.format(Locale.ROOT, "%8.1f", perDay)
        + " per day";
  }
}
