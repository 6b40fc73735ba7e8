package org.mapiscope.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.events.LimitEventHistogram;

/**
 * What one task returns: the analysis state of the evidence it read (per server and user, not the
 * evidence), its 9646 histogram and the summaries of its files by file index. Tasks accumulate only
 * into this, so a task Spark runs twice counts once.
 */
record Partial(
    Analyzer analyzer, LimitEventHistogram histogram, Map<Integer, List<InputSummary>> inputs)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
