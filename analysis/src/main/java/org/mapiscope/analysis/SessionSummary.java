package org.mapiscope.analysis;

import java.time.Instant;
import java.util.List;

/**
 * Reconstructed sessions per user.
 *
 * @param byUser one entry per user with session evidence, highest peak first
 */
public record SessionSummary(List<UserSessions> byUser) {

    public SessionSummary {
        byUser = List.copyOf(byUser);
    }

    /**
     * One user's sessions.
     *
     * @param user           user key
     * @param peakConcurrent most sessions open at once (stale included)
     * @param peakAt         when that peak was first reached, or {@code null}
     * @param peakActive     most sessions open at once whose client had not moved on
     * @param stale          sessions judged dead (client gone) while still held by the server
     * @param clients        clients by address, software and mode, most sessions first
     * @param timeline       open/active concurrency over time, for charts; kept only for users with
     *                       9646 events or findings, and thinned to a bounded number of points
     * @param rejected       connects the server refused (RCA failed connects): unmet demand (added)
     */
    public record UserSessions(
            String user,
            int peakConcurrent,
            Instant peakAt,
            int peakActive,
            int stale,
            List<ClientUsage> clients,
            List<TimelinePoint> timeline,
            long rejected) {

        public UserSessions {
            clients = List.copyOf(clients);
            timeline = List.copyOf(timeline);
        }

        /** The original contract, without the refused connects. */
        public UserSessions(String user, int peakConcurrent, Instant peakAt, int peakActive, int stale,
                            List<ClientUsage> clients, List<TimelinePoint> timeline) {
            this(user, peakConcurrent, peakAt, peakActive, stale, clients, timeline, 0);
        }
    }

    /**
     * Sessions from one client.
     *
     * @param ip       client address, or {@code null}
     * @param software client software, or {@code null}
     * @param mode     client mode, or {@code null}
     * @param sessions sessions opened
     */
    public record ClientUsage(String ip, String software, String mode, int sessions) {
    }

    /**
     * Concurrency from {@code time} until the next point.
     *
     * @param time   when the counts changed
     * @param open   sessions the server held
     * @param active of those, sessions whose client had not moved on
     */
    public record TimelinePoint(Instant time, int open, int active) {
    }
}
