package org.mapiscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.FixChange;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.Recommendations;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.analysis.SessionSummary;
import org.mapiscope.model.Cause;

class RemedyPlanTest {

  private static Remedy closeOutlook(String user) {
    return new Remedy(
        1,
        Remedy.Action.FIX_CLIENT,
        "Have the user close Outlook before the connection drops",
        user + "'s Outlook vanished without closing its sessions.",
        List.of());
  }

  private static Remedy policy(String account) {
    return new Remedy(
        1,
        Remedy.Action.DEDICATED_THROTTLING_POLICY,
        "Give the account its own throttling policy",
        "Assign a dedicated policy to " + account + ".",
        List.of(new FixChange.ThrottlingPolicy(account, "BESPolicy", null, null)));
  }

  private static Finding finding(String user, Cause cause, Remedy... remedies) {
    return new Finding(
        Finding.Scope.USER, user, cause, 0.9, "summary", List.of(), List.of(remedies));
  }

  private static AnalysisResult result(List<Finding> findings) {
    return new AnalysisResult(
        new LimitEventSummary(0, Map.of(), List.of(), null, null),
        new SessionSummary(List.of()),
        List.of(),
        findings,
        new Recommendations(null, List.of()));
  }

  @Test
  void theSameHandDoneAdviceForSeveralUsersIsOneStepNamingThemAll() {
    List<RemedyPlan.Step> steps =
        RemedyPlan.of(
            result(
                List.of(
                    finding(
                        "jdoe",
                        Cause.DEAD_CLIENT_SESSIONS,
                        closeOutlook("jdoe"),
                        Fixtures.LOWER_KEEPALIVE),
                    finding(
                        "asmith",
                        Cause.DEAD_CLIENT_SESSIONS,
                        closeOutlook("asmith"),
                        Fixtures.LOWER_KEEPALIVE))));

    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).remedy().action()).isEqualTo(Remedy.Action.FIX_CLIENT);
    assertThat(steps.get(0).subjects()).containsExactly("jdoe", "asmith");
    assertThat(steps.get(1).remedy()).isEqualTo(Fixtures.LOWER_KEEPALIVE);
    assertThat(steps.get(1).subjects()).containsExactly("jdoe", "asmith");
  }

  @Test
  void stepsWithServerChangesStaySeparateEvenUnderOneTitle() {
    List<RemedyPlan.Step> steps =
        RemedyPlan.of(
            result(
                List.of(
                    finding("besadmin", Cause.SERVICE_ACCOUNT_NEED, policy("besadmin")),
                    finding("svc-archive", Cause.SERVICE_ACCOUNT_NEED, policy("svc-archive")))));

    assertThat(steps)
        .hasSize(2)
        .extracting(RemedyPlan.Step::subjects)
        .containsExactly(List.of("besadmin"), List.of("svc-archive"));
  }
}
