package org.mapiscope.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.Remedy;

/**
 * The remedies of all findings as one to-do list in the expert's order: by step ({@link
 * Remedy#order()}), then in the order the findings list them (strongest first). A remedy several
 * findings share appears once, naming every subject it helps; so do hand-done steps with the same
 * action and title (the same advice for several users), their details differing only by user.
 */
public final class RemedyPlan {

  private RemedyPlan() {}

  /**
   * One entry of the list.
   *
   * @param remedy the remedy
   * @param subjects the users, accounts or servers it is for, first-seen order
   */
  public record Step(Remedy remedy, List<String> subjects) {}

  public static List<Step> of(AnalysisResult result) {
    Map<Advice, Remedy> first = new LinkedHashMap<>();
    Map<Advice, List<String>> subjects = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      for (Remedy r : f.remedies()) {
        Advice key = Advice.of(r);
        first.putIfAbsent(key, r);
        List<String> list = subjects.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(f.subject())) {
          list.add(f.subject());
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    subjects.forEach((key, s) -> steps.add(new Step(first.get(key), List.copyOf(s))));
    steps.sort(Comparator.comparingInt(s -> s.remedy().order()));
    return List.copyOf(steps);
  }

  /**
   * What makes two remedies one step. Steps done by hand merge on (order, action, title); a step
   * with server changes only with its equal (its scripts differ).
   */
  private sealed interface Advice {
    record ByHand(int order, Remedy.Action action, String title) implements Advice {}

    record WithChanges(Remedy remedy) implements Advice {}

    static Advice of(Remedy r) {
      return r.changes().isEmpty()
          ? new ByHand(r.order(), r.action(), r.title())
          : new WithChanges(r);
    }
  }
}
