package org.mapiscope.report.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.LimitEventSummary.UserLimitEvents;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.RemedyPlan;
import org.mapiscope.report.SettingText;
import org.mapiscope.report.scripts.ScriptUnit;

/**
 * The short aligned summary {@code analyze} prints: how many 9646, who, when, which settings, why,
 * what to do first, and what could not be read. Evidence text is cleaned of control characters
 * before it reaches the terminal. Stateless and thread-safe.
 */
public final class ConsoleSummary {

  /** Rows per list before "… and N more". */
  static final int TOP = 10;

  private ConsoleSummary() {}

  /**
   * Prints the summary; colour only when {@code color} (the CLI decides from the terminal and
   * {@code --no-color}).
   */
  public static void print(AnalyzeReport report, PrintStream out, boolean color) {
    Ansi a = new Ansi(color);
    AnalysisResult r = report.result();
    LimitEventSummary ev = r.limitEvents();
    List<String> lines = new ArrayList<>();
    lines.add(a.bold("mapiscope " + report.toolVersion() + " \u2014 Event 9646 analysis"));
    lines.add(
        row(
            "Evidence",
            evidenceLine(report.inputs())
                + " (local times read as "
                + report.timezone().getId()
                + ")"));
    if (ev.first() != null) {
      lines.add(
          row(
              "Time span",
              ConsoleFormat.time(ev.first())
                  + " \u2013 "
                  + ConsoleFormat.time(ev.last())
                  + "  ("
                  + ConsoleFormat.span(Duration.between(ev.first(), ev.last()))
                  + ")"));
    }
    String total = ConsoleFormat.count(ev.total());
    AnalysisResult.Totals totals = r.totals();
    lines.add(
        row(
            "Event 9646",
            (ev.total() > 0 ? a.red(total) : a.green(total))
                + byType(ev.byObjectType())
                + (totals.duplicatesDropped() > 0
                    ? a.dim(
                        "  ("
                            + ConsoleFormat.count(totals.duplicatesDropped())
                            + " copies in overlapping exports counted once)")
                    : "")));
    TreeSet<String> servers = new TreeSet<>();
    ev.byUser().forEach(u -> servers.addAll(u.servers()));
    if (!servers.isEmpty()) {
      lines.add(row("Servers", Ansi.clean(String.join(", ", servers))));
    }
    if (r.exchange() != null) {
      lines.add(
          row(
              "Exchange",
              r.exchange().version().label()
                  + a.dim("  (" + ConsoleFormat.cut(Ansi.clean(r.exchange().basis()), 100) + ")")));
    }
    Map<String, Long> refused = refusedByUser(r);
    long refusedTotal = refused.values().stream().mapToLong(Long::longValue).sum();
    if (totals.unmetSessions() > 0) {
      lines.add(
          row(
              "Refused",
              a.red(ConsoleFormat.count(totals.unmetSessions()))
                  + " unmet sessions (refused attempts, "
                  + "retries collapsed"
                  + (refusedTotal > 0 ? "; " + ConsoleFormat.count(refusedTotal) + " RCA rows" : "")
                  + ")"));
    }
    if (totals.otherFailedConnects() > 0) {
      lines.add(
          row(
              "Other fails",
              ConsoleFormat.count(totals.otherFailedConnects())
                  + " connects failed for other reasons (permission, authentication, network): not"
                  + " the session limit"));
    }
    if (totals.rundowns() > 0 || totals.endedByRestart() > 0) {
      lines.add(
          row(
              "Ended",
              ConsoleFormat.count(totals.rundowns())
                  + " sessions run down by the server (client gone), "
                  + ConsoleFormat.count(totals.endedByRestart())
                  + " ended by service restarts"));
    }
    topUsers(lines, a, ev.byUser(), refused);
    settings(lines, a, r.settings());
    causes(lines, a, r.findings());
    missingSessionEvidence(lines, a, r);
    remedies(lines, a, report);
    skipped(lines, a, report.inputs());
    lines.forEach(out::println);
    out.flush();
  }

  private static String row(String label, String value) {
    return "  " + ConsoleFormat.pad(label, 12) + value;
  }

  /**
   * Files, records, skipped records, then how many inputs were not read, by outcome (unrecognized
   * always).
   */
  private static String evidenceLine(List<InputSummary> inputs) {
    long records = inputs.stream().mapToLong(InputSummary::records).sum();
    long skipped = inputs.stream().mapToLong(InputSummary::skipped).sum();
    Map<InputOutcome, Long> notRead = new EnumMap<>(InputOutcome.class);
    inputs.stream()
        .filter(i -> !i.wasRead())
        .forEach(i -> notRead.merge(i.outcome(), 1L, Long::sum));
    StringBuilder line =
        new StringBuilder(
            ConsoleFormat.count(inputs.size())
                + " files, "
                + ConsoleFormat.count(records)
                + " records, "
                + ConsoleFormat.count(skipped)
                + " skipped, "
                + ConsoleFormat.count(notRead.getOrDefault(InputOutcome.UNRECOGNIZED, 0L))
                + " unrecognized");
    notRead.forEach(
        (outcome, n) -> {
          if (outcome != InputOutcome.UNRECOGNIZED) {
            line.append(", ")
                .append(ConsoleFormat.count(n))
                .append(' ')
                .append(outcome.label().replace('-', ' '));
          }
        });
    return line.toString();
  }

  private static String byType(Map<String, Long> byType) {
    if (byType.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    byType.forEach((type, n) -> parts.add(Ansi.clean(type) + " " + ConsoleFormat.count(n)));
    return "  (" + String.join(", ", parts) + ")";
  }

  /** Refused connects per user, from the reconstructed sessions; users without any left out. */
  private static Map<String, Long> refusedByUser(AnalysisResult r) {
    Map<String, Long> byUser = new HashMap<>();
    r.sessions().byUser().stream()
        .filter(u -> u.rejected() > 0)
        .forEach(u -> byUser.merge(u.user(), u.rejected(), Long::sum));
    return byUser;
  }

  private static void topUsers(
      List<String> lines, Ansi a, List<UserLimitEvents> users, Map<String, Long> refused) {
    if (users.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(
        a.bold("Top users") + a.dim("  (events, type/limit, first \u2013 last, refused connects)"));
    int width =
        users.stream()
            .limit(TOP)
            .mapToInt(u -> Math.min(30, Ansi.clean(u.user()).length()))
            .max()
            .orElse(4);
    for (UserLimitEvents u : users.subList(0, Math.min(TOP, users.size()))) {
      lines.add(
          "  "
              + ConsoleFormat.pad(ConsoleFormat.cut(Ansi.clean(u.user()), 30), width)
              + "  "
              + ConsoleFormat.padLeft(ConsoleFormat.count(u.count()), 7)
              + "  "
              + ConsoleFormat.pad(Ansi.clean(u.objectType()) + "/" + u.limit(), 14)
              + "  "
              + ConsoleFormat.time(u.first())
              + " \u2013 "
              + ConsoleFormat.time(u.last())
              + (refused.containsKey(u.user())
                  ? "  refused " + ConsoleFormat.count(refused.get(u.user()))
                  : ""));
    }
    more(lines, a, users.size());
  }

  private static void settings(List<String> lines, Ansi a, List<SettingView> settings) {
    if (settings.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(a.bold("Settings"));
    for (SettingView s : settings.subList(0, Math.min(TOP, settings.size()))) {
      lines.add(
          "  "
              + ConsoleFormat.pad(Ansi.clean(s.server() == null ? "(server?)" : s.server()), 12)
              + " "
              + ConsoleFormat.pad(Ansi.clean(s.name()), 42)
              + " "
              + ConsoleFormat.padLeft(Ansi.clean(s.value().text()), 10)
              + "  "
              + (SettingText.inEvidence(s)
                  ? Ansi.clean(s.source())
                  : a.dim(Ansi.clean(SettingText.source(s)))));
    }
    more(lines, a, settings.size());
  }

  private static void causes(List<String> lines, Ansi a, List<Finding> findings) {
    lines.add("");
    lines.add(a.bold("Causes"));
    if (findings.isEmpty()) {
      lines.add("  none found");
      return;
    }
    for (Finding f : findings.subList(0, Math.min(TOP, findings.size()))) {
      lines.add(
          "  "
              + ConsoleFormat.pad(ConsoleFormat.cut(Ansi.clean(f.subject()), 20), 20)
              + " "
              + a.yellow(ConsoleFormat.pad(f.cause().name(), 22))
              + ConsoleFormat.padLeft(Math.round(f.confidence() * 100) + "%", 5)
              + "  "
              + ConsoleFormat.cut(Ansi.clean(f.summary()), 90));
    }
    more(lines, a, findings.size());
  }

  /**
   * Event 9646 of type session alone cannot say why (dead clients, a hungry program, a service
   * account and real need all log the same event): name what to collect to tell them apart.
   */
  private static void missingSessionEvidence(List<String> lines, Ansi a, AnalysisResult r) {
    Set<String> withSessions = new HashSet<>();
    r.sessions().byUser().forEach(u -> withSessions.add(u.user()));
    Set<String> without = new TreeSet<>();
    r.limitEvents().byUser().stream()
        .filter(
            u ->
                ExchangeDefaults.SESSION_OBJECT_TYPE.equalsIgnoreCase(u.objectType())
                    && !withSessions.contains(u.user()))
        .forEach(u -> without.add(u.user()));
    if (without.isEmpty()) {
      return;
    }
    lines.add(
        a.yellow(
            "  "
                + ConsoleFormat.count(without.size())
                + (without.size() == 1 ? " user" : " users")
                + " with session-limit 9646 but no session evidence ("
                + ConsoleFormat.cut(Ansi.clean(String.join(", ", without)), 60)
                + "):"));
    lines.add(
        "  add the RPC Client Access logs (…\\Logging\\RPC Client Access\\RCA_*.LOG) or a"
            + " Get-LogonStatistics export of these servers to learn why.");
  }

  private static void remedies(List<String> lines, Ansi a, AnalyzeReport report) {
    List<RemedyPlan.Step> steps = RemedyPlan.of(report.result());
    if (steps.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(a.bold("What to do first"));
    int n = 0;
    for (RemedyPlan.Step s : steps.subList(0, Math.min(TOP, steps.size()))) {
      n++;
      String scripts =
          String.join(
              ", ",
              report.scripts().forRemedy(s.remedy()).stream().map(ScriptUnit::script).toList());
      lines.add(
          "  "
              + n
              + ". "
              + Ansi.clean(s.remedy().title())
              + a.dim(
                  "  [stage "
                      + s.remedy().order()
                      + "; "
                      + ConsoleFormat.cut(Ansi.clean(String.join(", ", s.subjects())), 40)
                      + "]")
              + (scripts.isEmpty() ? "" : "  \u2192 " + scripts));
    }
    more(lines, a, steps.size());
  }

  /**
   * What could not be read, the reason first (a long path must not cut it off), then where. The
   * count covers every skipped record; the JSON keeps only the first {@link
   * InputSummary#MAX_ERRORS} errors per file, and the "more" line says how many of the rest it
   * holds.
   */
  private static void skipped(List<String> lines, Ansi a, List<InputSummary> inputs) {
    List<String> problems = new ArrayList<>();
    long total = 0;
    for (InputSummary in : inputs) {
      if (in.outcome() == InputOutcome.UNRECOGNIZED) {
        problems.add(problem("not a recognised evidence format", in.path()));
        total++;
      }
      for (InputError e : in.errors()) {
        problems.add(problem(reason(e), e.where()));
      }
      total += Math.max(in.skipped(), in.errors().size());
    }
    if (problems.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add(a.bold("Skipped or unrecognized") + a.dim("  (reason \u2014 where)"));
    int shown = Math.min(SKIPPED_SHOWN, problems.size());
    problems.stream().limit(shown).forEach(p -> lines.add("  " + p));
    long rest = total - shown;
    if (rest > 0) {
      long inJson = problems.size() - shown;
      String where =
          inJson == rest
              ? "all of them in the JSON (inputs[])"
              : inJson == 0
                  ? "none of them in the JSON, which keeps the first "
                      + InputSummary.MAX_ERRORS
                      + " errors per file and counts the rest in inputs[].skipped"
                  : ConsoleFormat.count(inJson)
                      + " of them in inputs[].errors of the JSON, which keeps the first "
                      + InputSummary.MAX_ERRORS
                      + " errors per file and counts the rest in inputs[].skipped";
      lines.add(a.dim("  \u2026 and " + ConsoleFormat.count(rest) + " more; " + where));
    }
  }

  /** Problems listed before "… and N more". */
  static final int SKIPPED_SHOWN = 5;

  /** The reason, then where: a reason cut at 90 characters, a long path shortened in its middle. */
  private static String problem(String reason, String where) {
    return ConsoleFormat.cut(Ansi.clean(reason), 90)
        + " \u2014 "
        + middleCut(Ansi.clean(where), 70);
  }

  /**
   * The message without the location it repeats ({@code "x.zip!/a refused: …"} with where {@code
   * x.zip!/a}).
   */
  private static String reason(InputError e) {
    String m = e.message() == null ? "" : e.message().strip();
    String w = e.where() == null ? "" : e.where().strip();
    if (!w.isEmpty() && m.startsWith(w)) {
      String rest = m.substring(w.length()).strip();
      if (rest.startsWith(":")) {
        rest = rest.substring(1).strip();
      }
      return rest.isEmpty() ? m : rest;
    }
    return m;
  }

  private static String middleCut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int head = (max - 1) / 3;
    return s.substring(0, head) + "\u2026" + s.substring(s.length() - (max - 1 - head));
  }

  private static void more(List<String> lines, Ansi a, int size) {
    if (size > TOP) {
      lines.add(a.dim("  \u2026 and " + ConsoleFormat.count(size - TOP) + " more"));
    }
  }
}
