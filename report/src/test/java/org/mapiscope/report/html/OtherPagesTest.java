package org.mapiscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.report.Fixtures;
import org.mapiscope.report.compare.AnalyzeSnapshot;
import org.mapiscope.report.compare.Compare;
import org.mapiscope.report.compare.Comparison;
import org.mapiscope.sim.PeakPerUser;
import org.mapiscope.sim.PopulationResult;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.TimeBucket;
import org.mapiscope.sim.TimeSeries;

class OtherPagesTest {

  @Test
  void comparePageGivesTheVerdictAndEscapesUserKeys() {
    AnalyzeSnapshot before =
        new AnalyzeSnapshot(
            "before.json",
            10,
            Fixtures.T0,
            Fixtures.T0.plusSeconds(3600),
            java.util.Map.of(Fixtures.HOSTILE, 10L),
            java.util.Map.of(),
            java.util.Map.of(Fixtures.HOSTILE, List.of("DEAD_CLIENT_SESSIONS")));
    AnalyzeSnapshot after =
        new AnalyzeSnapshot(
            "after.json",
            0,
            null,
            null,
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of());
    Comparison c = Compare.compare(before, after);
    String html = CompareHtml.render(c);
    assertThat(html)
        .contains(
            "Improved: fewer Event 9646 per day and no new cause.",
            "Causes that disappeared",
            "10.0 / day")
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;");
    assertThat(AnalyzeHtmlTest.FETCHING.matcher(html).find()).isFalse();
  }

  @Test
  void simulatePageShowsHeadlineNumbersAndPopulations() {
    PeakPerUser peak = new PeakPerUser(6, 31, 32);
    SimulationResult r =
        new SimulationResult(
            48_000,
            120,
            0.0025,
            120,
            9,
            peak,
            List.of(new PopulationResult("laptops <vpn>", 200, 40_000, 120, 0.003, 120, 9, peak)),
            310.5,
            280,
            96_000,
            new TimeSeries(
                3_600_000,
                List.of(new TimeBucket(0, 300, 0, 8), new TimeBucket(3_600_000, 290, 3, 32))));
    String html = SimulateHtml.render(r, "scenario.json");
    assertThat(html)
        .contains("48000", "0.2500%", "6 / 31 / 32", "laptops &lt;vpn&gt;", "class=\"heat\"");
    assertThat(AnalyzeHtmlTest.FETCHING.matcher(html).find()).isFalse();
  }
}
