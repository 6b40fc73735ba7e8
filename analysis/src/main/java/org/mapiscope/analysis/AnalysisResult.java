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
 * @param exchange        the Exchange version the remedies were written for, and why (added; may be
 *                        {@code null} when built with the original five-argument constructor)
 */
public record AnalysisResult(
        LimitEventSummary limitEvents,
        SessionSummary sessions,
        List<SettingView> settings,
        List<Finding> findings,
        Recommendations recommendations,
        VersionVerdict exchange) {

    public AnalysisResult {
        settings = List.copyOf(settings);
        findings = List.copyOf(findings);
    }

    /** The original contract, without the version verdict. */
    public AnalysisResult(LimitEventSummary limitEvents, SessionSummary sessions, List<SettingView> settings,
                          List<Finding> findings, Recommendations recommendations) {
        this(limitEvents, sessions, settings, findings, recommendations, null);
    }
}
