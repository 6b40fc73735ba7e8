package org.mapiscope.report.compare;

import java.util.List;

/**
 * Before and after a fix. Rates are Event 9646 per day over each run's event span ({@link
 * Compare#days}).
 *
 * @param before the earlier analyze JSON
 * @param after the later one
 * @param total 9646 in total, and per day
 * @param byUser users of either run, most 9646 before first
 * @param newCauses causes present after but not before, as {@code subject: CAUSE}
 * @param goneCauses causes present before but not after, as {@code subject: CAUSE}
 * @param improved the per-day rate went down (or nothing is left) and no cause appeared
 */
public record Comparison(
    String before,
    String after,
    Counts total,
    List<UserChange> byUser,
    List<String> newCauses,
    List<String> goneCauses,
    boolean improved) {

  public Comparison {
    byUser = List.copyOf(byUser);
    newCauses = List.copyOf(newCauses);
    goneCauses = List.copyOf(goneCauses);
  }

  /**
   * Counts of one side pair.
   *
   * @param before 9646 before
   * @param after 9646 after
   * @param daysBefore days the earlier run's events span (at least 1; 0 when there were none)
   * @param daysAfter same for the later run
   * @param perDayBefore 9646 per day before
   * @param perDayAfter 9646 per day after
   */
  public record Counts(
      long before,
      long after,
      long daysBefore,
      long daysAfter,
      double perDayBefore,
      double perDayAfter) {}

  /**
   * One user.
   *
   * @param user user key
   * @param counts the user's 9646, per day over the run's span
   * @param peakBefore peak concurrent sessions before, or {@code null} without session evidence
   * @param peakAfter same after
   * @param causesBefore cause codes before
   * @param causesAfter cause codes after
   */
  public record UserChange(
      String user,
      Counts counts,
      Integer peakBefore,
      Integer peakAfter,
      List<String> causesBefore,
      List<String> causesAfter) {

    public UserChange {
      causesBefore = List.copyOf(causesBefore);
      causesAfter = List.copyOf(causesAfter);
    }
  }
}
