package org.mapiscope.sim.whatif;

/**
 * Counts over all users. {@code observed} and {@code predicted} count Event 9646
 * (docs/simulator.md).
 *
 * @param observed 9646 events in the evidence
 * @param predicted 9646 events the replay expects under the new settings (one per refused attempt)
 * @param observedFailedConnects failed connect attempts in the evidence
 * @param predictedFailedConnects attempts the replay refuses
 * @param attempts sessions and failed attempts replayed
 */
public record WhatIfTotal(
    long observed,
    long predicted,
    long observedFailedConnects,
    long predictedFailedConnects,
    long attempts) {}
