package org.mapiscope.report.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Did the fix work? Compares two analyze runs per user and in total. Rates are per day so runs over
 * different spans compare fairly. {@code improved} = the total per-day rate went down, or no 9646
 * is left, and no (subject, cause) pair appeared that the earlier run did not have. Pure and
 * thread-safe.
 */
public final class Compare {

  private Compare() {}

  public static Comparison compare(AnalyzeSnapshot before, AnalyzeSnapshot after) {
    long daysBefore = days(before.first(), before.last());
    long daysAfter = days(after.first(), after.last());
    Comparison.Counts total = counts(before.total(), after.total(), daysBefore, daysAfter);

    TreeSet<String> users = new TreeSet<>(before.events().keySet());
    users.addAll(after.events().keySet());
    List<Comparison.UserChange> byUser = new ArrayList<>();
    for (String u : users) {
      byUser.add(
          new Comparison.UserChange(
              u,
              counts(
                  before.events().getOrDefault(u, 0L),
                  after.events().getOrDefault(u, 0L),
                  daysBefore,
                  daysAfter),
              before.peaks().get(u),
              after.peaks().get(u),
              before.causes().getOrDefault(u, List.of()),
              after.causes().getOrDefault(u, List.of())));
    }
    byUser.sort(
        Comparator.comparingLong((Comparison.UserChange c) -> -c.counts().before())
            .thenComparingLong(c -> -c.counts().after())
            .thenComparing(Comparison.UserChange::user));

    List<String> pairsBefore = pairs(before);
    List<String> pairsAfter = pairs(after);
    List<String> appeared = pairsAfter.stream().filter(p -> !pairsBefore.contains(p)).toList();
    List<String> gone = pairsBefore.stream().filter(p -> !pairsAfter.contains(p)).toList();
    boolean lower = after.total() == 0 || total.perDayAfter() < total.perDayBefore();
    return new Comparison(
        before.source(),
        after.source(),
        total,
        byUser,
        appeared,
        gone,
        lower && appeared.isEmpty());
  }

  /**
   * Whole days the events span, rounded up, at least 1; 0 when there were no events. A run whose
   * events all fall within one hour counts as one day, so short bursts do not inflate the rate.
   */
  static long days(Instant first, Instant last) {
    if (first == null || last == null) {
      return 0;
    }
    long seconds = Math.max(0, Duration.between(first, last).getSeconds());
    return Math.max(1, (seconds + 86_399) / 86_400);
  }

  private static Comparison.Counts counts(
      long before, long after, long daysBefore, long daysAfter) {
    return new Comparison.Counts(
        before, after, daysBefore, daysAfter, rate(before, daysBefore), rate(after, daysAfter));
  }

  private static double rate(long n, long days) {
    return days == 0 ? 0 : (double) n / days;
  }

  private static List<String> pairs(AnalyzeSnapshot s) {
    TreeSet<String> out = new TreeSet<>();
    s.causes().forEach((subject, causes) -> causes.forEach(c -> out.add(subject + ": " + c)));
    return new ArrayList<>(out);
  }
}
