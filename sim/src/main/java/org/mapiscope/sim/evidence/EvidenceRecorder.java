package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mapiscope.sim.SimulationListener;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;

/**
 * Turns the run's client starts and ends into RCA rows and 9646 events. Each accepted session logs
 * Connect, then OwnerLogon (DelegateLogon to a served mailbox for service accounts), then Disconnect
 * when it ends; sessions still open when the run stops have no Disconnect, like a log collected while
 * they were open. Each refused attempt logs a failed Connect and one Event 9646. Its own random stream
 * (processing times) leaves the simulation's draws, and so its result, untouched.
 */
final class EvidenceRecorder implements SimulationListener {

    private final Scenario scenario;
    private final UserDirectory directory;
    private final ClientProfiles profiles;
    private final int[] popOf;
    private final long[] servedByPopulation;
    private final RcaLog rca;
    private final EventLogXml events;
    private final Map<Long, RcaLog.Client> open = new HashMap<>();
    private final SplittableRandom timing;
    private final LeakSchedule leaks;
    /** Sessions each user holds now, so leaked objects fall inside sessions. */
    private final int[] live;

    EvidenceRecorder(Scenario scenario, UserDirectory directory, int[] popOf, RcaLog rca, EventLogXml events) {
        this.scenario = scenario;
        this.directory = directory;
        this.popOf = popOf;
        this.profiles = new ClientProfiles(scenario, popOf);
        this.servedByPopulation = new long[scenario.populations().size()];
        this.rca = rca;
        this.events = events;
        this.timing = new SplittableRandom(scenario.seed() ^ 0x9E3779B97F4A7C15L);
        this.leaks = new LeakSchedule(scenario.populations(), popOf, scenario.seed());
        this.live = new int[popOf.length];
    }

    /** Writes what is left to log before the end of the run (leaked objects after the last start or end). */
    void finish(long durationMs) {
        leaksUntil(durationMs);
    }

    private void leaksUntil(long timeMs) {
        leaks.until(timeMs, live, (t, user, leak) -> {
            try {
                events.limitExceeded(scenario.start().plusMillis(t), UserDirectory.dn(directory.userKey(user)),
                        leak.limit(), leak.objectType());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void clientStarted(long timeMs, int user, long firstSessionId, int accepted, int rejected,
            long lastActivityMs, boolean vanishes) {
        leaksUntil(timeMs);
        live[user] += accepted;
        Instant at = scenario.start().plusMillis(timeMs);
        String dn = UserDirectory.dn(directory.userKey(user));
        RcaLog.Client client = new RcaLog.Client(dn, profiles.software(user), profiles.version(user),
                profiles.mode(user), profiles.addressForStart(user));
        int p = popOf[user];
        Population pop = scenario.populations().get(p);
        try {
            for (int i = 0; i < accepted; i++) {
                long id = firstSessionId + i;
                rca.row(at, id, 0, client, "Connect", "0", processingMs(), "");
                if (pop.kind() == Population.Kind.SERVICE_ACCOUNT) {
                    String mailbox = directory.mailboxOf(p, pop.mailboxes(), servedByPopulation[p]++);
                    rca.row(at, id, 1, client, "DelegateLogon", "0", processingMs(),
                            "Logon: Delegate, " + UserDirectory.dn(mailbox));
                } else {
                    // the owner's mailbox is the client-name already; an empty field keeps the logs small
                    rca.row(at, id, 1, client, "OwnerLogon", "0", processingMs(), "");
                }
            }
            for (int i = 0; i < rejected; i++) {
                rca.row(at, firstSessionId + accepted + i, 0, client, "Connect", RcaLog.SESSION_LIMIT_STATUS,
                        processingMs(), "");
                events.sessionLimitExceeded(at, dn, scenario.server().sessionLimit());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (accepted > 0) {
            open.put(firstSessionId, client);
        }
    }

    @Override
    public void clientEnded(long timeMs, int user, long firstSessionId, int sessions, boolean reaped) {
        leaksUntil(timeMs);
        live[user] -= sessions;
        Instant at = scenario.start().plusMillis(timeMs);
        RcaLog.Client client = open.remove(firstSessionId);
        try {
            for (int i = 0; i < sessions; i++) {
                rca.row(at, firstSessionId + i, 2, client, "Disconnect", "0", processingMs(), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int processingMs() {
        return timing.nextInt(31);
    }

    /** Engine user index → population index, in the engine's layout: populations in order, users within. */
    static int[] populationOfUsers(List<Population> populations) {
        int[] popOf = new int[populations.stream().mapToInt(Population::users).sum()];
        int u = 0;
        for (int p = 0; p < populations.size(); p++) {
            for (int i = 0; i < populations.get(p).users(); i++) {
                popOf[u++] = p;
            }
        }
        return popOf;
    }
}
