package org.mapiscope.report.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.sim.PeakPerUser;
import org.mapiscope.sim.PopulationResult;
import org.mapiscope.sim.SimulationResult;

/**
 * The console text of {@code simulate}: attempts, rejections and their rate, Event 9646, users
 * affected and the peak sessions per user (p50/p99/max), for the server and per population.
 * Stateless and thread-safe.
 */
public final class SimulateText {

  private SimulateText() {}

  public static void print(SimulationResult r, PrintStream out, boolean color) {
    Ansi a = new Ansi(color);
    List<String> lines = new ArrayList<>();
    lines.add(a.bold("Simulated store"));
    lines.add(row("Attempts", ConsoleFormat.count(r.attempts())));
    String rejected =
        ConsoleFormat.count(r.rejected()) + "  (" + ConsoleFormat.percent(r.rejectionRate()) + ")";
    lines.add(row("Rejected", r.rejected() > 0 ? a.red(rejected) : a.green(rejected)));
    lines.add(row("Event 9646", ConsoleFormat.count(r.events9646())));
    lines.add(row("Users hit", ConsoleFormat.count(r.usersAffected())));
    lines.add(
        row(
            "Peak/user",
            peaks(r.peakPerUser()) + a.dim("  (sessions open at once: p50 / p99 / max)")));
    if (!r.byPopulation().isEmpty()) {
      int width =
          Math.max(
              10,
              r.byPopulation().stream()
                  .mapToInt(p -> Math.min(30, Ansi.clean(p.name()).length()))
                  .max()
                  .orElse(0));
      lines.add("");
      lines.add(a.bold("Populations"));
      lines.add(
          "  "
              + a.dim(
                  ConsoleFormat.pad("name", width)
                      + "  "
                      + ConsoleFormat.padLeft("users", 7)
                      + "  "
                      + ConsoleFormat.padLeft("attempts", 11)
                      + "  "
                      + ConsoleFormat.padLeft("rejected", 10)
                      + "  "
                      + ConsoleFormat.padLeft("rate", 8)
                      + "  "
                      + ConsoleFormat.padLeft("9646", 10)
                      + "  "
                      + ConsoleFormat.padLeft("hit", 7)
                      + "  "
                      + "peak p50 / p99 / max"));
      for (PopulationResult p : r.byPopulation()) {
        lines.add(
            "  "
                + ConsoleFormat.pad(ConsoleFormat.cut(Ansi.clean(p.name()), 30), width)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.count(p.users()), 7)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.count(p.attempts()), 11)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.count(p.rejected()), 10)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.percent(p.rejectionRate()), 8)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.count(p.events9646()), 10)
                + "  "
                + ConsoleFormat.padLeft(ConsoleFormat.count(p.usersAffected()), 7)
                + "  "
                + peaks(p.peakPerUser()));
      }
    }
    lines.forEach(out::println);
    out.flush();
  }

  private static String row(String label, String value) {
    return "  " + ConsoleFormat.pad(label, 12) + value;
  }

  private static String peaks(PeakPerUser p) {
    return p.p50() + " / " + p.p99() + " / " + p.max();
  }
}
