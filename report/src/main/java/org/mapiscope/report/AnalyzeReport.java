package org.mapiscope.report;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.events.LimitEventHistogram;
import org.mapiscope.report.scripts.ScriptSet;

/**
 * Everything the analyze outputs (JSON, HTML, console) show: the analysis plus what the CLI knows.
 *
 * @param toolVersion mapiscope's version
 * @param inputs one summary per input file; outputs list them sorted by path
 * @param result the analysis
 * @param timezone the zone used to read local-time exports ({@code --timezone}); the HTML heat map
 *     uses it too
 * @param histogram 9646 per hour, for the heat map and chart markers; empty when not collected
 * @param scripts the rendered fix scripts, or {@link ScriptSet#empty()} when {@code --scripts} was
 *     not given
 */
public record AnalyzeReport(
    String toolVersion,
    List<InputSummary> inputs,
    AnalysisResult result,
    ZoneId timezone,
    LimitEventHistogram histogram,
    ScriptSet scripts) {

  public AnalyzeReport {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(timezone, "timezone");
    // Files are parsed in parallel; sorting makes every output independent of finishing order.
    inputs = inputs.stream().sorted(Comparator.comparing(InputSummary::path)).toList();
    histogram = histogram == null ? new LimitEventHistogram() : histogram;
    scripts = scripts == null ? ScriptSet.empty() : scripts;
  }
}
