package org.mapiscope.analysis;

import java.time.Instant;
import java.util.Comparator;

/**
 * Rejected connects of one user close together (within {@link Thresholds#START_GAP}), with what the
 * server held while it refused them. DESIGN §1: demand = sessions open then + attempts rejected in
 * the same burst.
 */
final class RejectionBurst {

    static final Comparator<RejectionBurst> STRONGER = Comparator
            .comparingInt(RejectionBurst::activeDemand)
            .thenComparingInt(RejectionBurst::openDemand)
            .thenComparing(b -> b.start, Comparator.reverseOrder());

    final Instant start;
    Instant last;
    int rejected;
    int maxOpen;
    int maxActive;
    /** Composition at the fullest moment of the burst. */
    int superseded;
    int delegate;
    ClientKey dominantClient;
    int dominantCount;

    RejectionBurst(Instant start) {
        this.start = start;
        this.last = start;
    }

    int openDemand() {
        return maxOpen + rejected;
    }

    int activeDemand() {
        return maxActive + rejected;
    }

    double staleShare() {
        return maxOpen == 0 ? 0 : (double) superseded / maxOpen;
    }

    RejectionBurst copy() {
        RejectionBurst c = new RejectionBurst(start);
        c.last = last;
        c.rejected = rejected;
        c.maxOpen = maxOpen;
        c.maxActive = maxActive;
        c.superseded = superseded;
        c.delegate = delegate;
        c.dominantClient = dominantClient;
        c.dominantCount = dominantCount;
        return c;
    }
}
