package org.mapiscope.analysis;

import java.util.List;

/**
 * Everything {@code analyze} concluded from the evidence; mirrors the JSON of DESIGN §5
 * (the {@code tool} and {@code inputs} sections are added by the caller).
 *
 * @param limitEvents     the Event 9646 tally
 * @param sessions        reconstructed sessions per user
 * @param settings        server settings that matter, read or defaulted
 * @param findings        causes, strongest first per subject
 * @param recommendations what to change, in numbers
 */
public record AnalysisResult(
        LimitEventSummary limitEvents,
        SessionSummary sessions,
        List<SettingView> settings,
        List<Finding> findings,
        Recommendations recommendations) {

    public AnalysisResult {
        settings = List.copyOf(settings);
        findings = List.copyOf(findings);
    }
}
