package org.mapiscope.analysis;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

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
    /** Sessions judged moved-away at the fullest moment, by address, until that address shows life. */
    final Map<String, Integer> movedByAddress = new TreeMap<>();
    /** Sessions judged left behind by a new start on the same machine, by address. */
    final Map<String, Integer> restartedByAddress = new TreeMap<>();

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

    /**
     * A moved-away address turned out alive (its sessions were used again): its sessions were in
     * use at the burst after all, so they count as demand, not as leftovers.
     */
    void revive(String address) {
        Integer n = movedByAddress.remove(address);
        if (n != null) {
            maxActive += n;
            superseded -= n;
        }
    }

    /**
     * On this machine earlier starts' sessions outlived later starts (a second MAPI program or
     * profile, a terminal server): the sessions a new start seemed to leave behind were in use.
     */
    void reviveRestarted(String address) {
        Integer n = restartedByAddress.remove(address);
        if (n != null) {
            maxActive += n;
            superseded -= n;
        }
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
        c.movedByAddress.putAll(movedByAddress);
        c.restartedByAddress.putAll(restartedByAddress);
        return c;
    }
}
