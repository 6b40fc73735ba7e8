package org.mapiscope.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.UserKeys;

/**
 * One user's sessions on one server, rebuilt from the RCA stream as it arrives (in time order).
 * Holds the open sessions and fixed-size aggregates only. Not thread-safe: its {@link ServerState}
 * serialises access.
 */
final class UserTrack {

    /** Per client: sessions opened and the most that were active at once. */
    static final class ClientStats {
        int sessions;
        int activeNow;
        int peakActive;
        Instant peakAt;
        EvidenceRef peakRef;
        Instant lastConnect;
        /** Open sessions from this client, superseded ones included: while any is open the entry is live state. */
        int openNow;
    }

    /** How many days an address was used on, to tell a fixed desk from a VPN pool. */
    static final class AddressDays {
        int days;
        long lastDay = Long.MIN_VALUE;
        int sessions;
    }

    /** Key of {@link #lingeringByAddress} for sessions whose client address was not logged. */
    static final String UNKNOWN_ADDRESS = "";

    final String server;
    final String user;
    String dn;

    final Map<String, OpenSession> open = new LinkedHashMap<>();
    int active;
    int peakOpen;
    Instant peakAt;
    int peakActive;
    long sessionsOpened;
    long lostAtRestart;
    long rejected;

    /** What the bounded maps below let go of, folded so totals stay exact. */
    final Lingering foldedLingering = new Lingering();
    final Lingering foldedRestartLingering = new Lingering();
    int foldedAddresses;
    int foldedOneTimeAddresses;
    /** The folded client with the most sessions active at once: a session-hungry program is never lost. */
    ClientKey strongestFoldedClient;
    ClientStats strongestFoldedStats;

    final Map<ClientKey, ClientStats> clients =
            new RecentMap<>(Thresholds.MAX_TRACKED_CLIENTS, c -> c.openNow > 0, this::foldClient);
    final Map<String, AddressDays> addresses =
            new RecentMap<>(Thresholds.MAX_TRACKED_ADDRESSES, d -> false, this::foldAddress);
    /** Ended superseded sessions, by the address they came from. */
    final Map<String, Lingering> lingeringByAddress =
            new RecentMap<>(Thresholds.MAX_TRACKED_ADDRESSES, l -> false, (a, l) -> foldedLingering.addAll(l));
    /** The subset superseded by a new start on the same machine (not by a move to another address). */
    final Map<String, Lingering> restartLingeringByAddress =
            new RecentMap<>(Thresholds.MAX_TRACKED_ADDRESSES, l -> false, (a, l) -> foldedRestartLingering.addAll(l));

    final TreeSet<String> otherMailboxes = new TreeSet<>();
    long otherMailboxCount;
    long delegateLogons;

    final Timeline timeline = new Timeline();
    private RejectionBurst burst;
    private RejectionBurst strongestBurst;

    final ExampleSample movedExamples = new ExampleSample();
    final ExampleSample reapedExamples = new ExampleSample();
    final ExampleSample rejectedExamples = new ExampleSample();
    final ExampleSample delegateExamples = new ExampleSample();

    final LogonCaptures captures = new LogonCaptures();

    UserTrack(String server, String user) {
        this.server = server;
        this.user = user;
    }

    OpenSession connect(SessionEvent e, ClientKey client) {
        if (dn == null && e.dn() != null) {
            dn = e.dn();
        }
        supersedeMovedAway(e.time(), client, e.ref());
        OpenSession s = new OpenSession(e.sessionId(), user, e.time(), client, e.ref());
        open.put(s.id, s);
        active++;
        sessionsOpened++;
        ClientStats stats = clients.computeIfAbsent(client, k -> new ClientStats());
        stats.sessions++;
        stats.lastConnect = e.time();
        stats.activeNow++;
        stats.openNow++;
        if (stats.activeNow > stats.peakActive) {
            stats.peakActive = stats.activeNow;
            stats.peakAt = e.time();
            stats.peakRef = e.ref();
        }
        countAddressDay(client.ip(), e.time());
        changed(e.time());
        return s;
    }

    void activity(OpenSession s, SessionEvent e) {
        s.lastActivity = e.time();
        if (s.superseded()) {
            reactivate(s);
            changed(e.time());
        }
        boolean firstLogon = !s.logonSeen && isLogon(e.operation());
        if (isLogon(e.operation())) {
            s.logonSeen = true;
        }
        String mailbox = e.mailbox() == null ? null : UserKeys.fromIdentity(e.mailbox());
        boolean delegate = "DelegateLogon".equalsIgnoreCase(e.operation())
                || (mailbox != null && !mailbox.isEmpty() && !mailbox.equals(user));
        if (delegate) {
            s.delegate = true;
            delegateLogons++;
            if (mailbox != null && !mailbox.isEmpty() && !mailbox.equals(user)) {
                rememberMailbox(mailbox);
            }
            delegateExamples.add(new Example(e.time(), e.ref(),
                    "logon to another mailbox" + (mailbox == null ? "" : " (" + mailbox + ")")
                            + " from " + s.client.describe()));
        } else if (firstLogon && ClientSoftware.isOutlookOrUnknown(s.client.software())) {
            supersedeRestarted(s, e.time(), e.ref());
        }
    }

    void disconnect(OpenSession s, Instant time, EvidenceRef ref) {
        close(s, time);
        if (s.supersededAt != null) {
            long afterMove = Duration.between(s.supersededAt, time).toMillis();
            long idle = Duration.between(s.lastActivity, time).toMillis();
            String address = address(s);
            lingeringByAddress.computeIfAbsent(address, k -> new Lingering()).add(idle, afterMove);
            if (!s.movedAway) {
                restartLingeringByAddress.computeIfAbsent(address, k -> new Lingering()).add(idle, afterMove);
            }
            if (afterMove >= Thresholds.CLEAN_CLOSE_WINDOW.toMillis()) {
                reapedExamples.add(new Example(time, ref, "session " + s.id + " from " + s.client.describe()
                        + " ended " + Texts.duration(afterMove) + " after the user connected from "
                        + s.supersededBy + ", idle " + Texts.duration(idle)));
            }
        }
        changed(time);
    }

    /** The server lost the session without a Disconnect row (service restart, id reused). */
    void lost(OpenSession s, Instant time) {
        close(s, time);
        lostAtRestart++;
        changed(time);
    }

    void reject(SessionEvent e) {
        if (dn == null && e.dn() != null) {
            dn = e.dn();
        }
        rejected++;
        if (burst == null || Duration.between(burst.last, e.time()).compareTo(Thresholds.START_GAP) > 0) {
            endBurst();
            burst = new RejectionBurst(e.time());
        }
        burst.rejected++;
        burst.last = e.time();
        burst.maxActive = Math.max(burst.maxActive, active);
        if (open.size() >= burst.maxOpen) {
            burst.maxOpen = open.size();
            describeHolding(burst);
        }
        rejectedExamples.add(new Example(e.time(), e.ref(), "connect from " + new ClientKey(e.clientIp(),
                e.clientSoftware(), e.clientMode()).describe() + " rejected while the server held "
                + Texts.count(open.size(), "session", "sessions") + " for the user"));
    }

    /** The burst with the highest demand so far, or {@code null}; a copy, so reading changes nothing. */
    RejectionBurst strongestBurst() {
        if (burst == null) {
            return strongestBurst == null ? null : strongestBurst.copy();
        }
        if (strongestBurst == null || RejectionBurst.STRONGER.compare(burst, strongestBurst) > 0) {
            return burst.copy();
        }
        return strongestBurst.copy();
    }

    private void endBurst() {
        if (burst != null && (strongestBurst == null || RejectionBurst.STRONGER.compare(burst, strongestBurst) > 0)) {
            strongestBurst = burst;
        }
        burst = null;
    }

    private void describeHolding(RejectionBurst b) {
        Map<ClientKey, Integer> perProgram = new HashMap<>();
        int superseded = 0;
        int delegate = 0;
        b.movedByAddress.clear();
        b.restartedByAddress.clear();
        for (OpenSession s : open.values()) {
            if (s.superseded()) {
                superseded++;
                if (s.movedAway && s.client.ip() != null) {
                    b.movedByAddress.merge(s.client.ip(), 1, Integer::sum);
                } else if (!s.movedAway) {
                    b.restartedByAddress.merge(address(s), 1, Integer::sum);
                }
            }
            if (s.delegate) {
                delegate++;
            }
            ClientKey program = new ClientKey(s.client.ip(), s.client.software(), null);
            perProgram.merge(program, 1, Integer::sum);
        }
        for (ClientKey c : new TreeSet<>(perProgram.keySet())) {
            int n = perProgram.get(c);
            if (n > b.dominantCount) {
                b.dominantCount = n;
                b.dominantClient = c;
            }
        }
        b.superseded = superseded;
        b.delegate = delegate;
    }

    /** A connect from another address: the client of older, silent sessions has moved on. */
    private void supersedeMovedAway(Instant time, ClientKey newClient, EvidenceRef ref) {
        if (newClient.ip() == null) {
            return;
        }
        for (OpenSession s : open.values()) {
            if (!s.superseded() && s.client.ip() != null && !s.client.ip().equals(newClient.ip())) {
                supersede(s, time, newClient.ip());
                s.movedAway = true;
                movedExamples.add(new Example(time, ref, "connect from " + newClient.describe()
                        + " while " + s.client.describe() + " still held session " + s.id));
            }
        }
    }

    /**
     * Outlook logged on again from the same machine while sessions of an earlier start sat silent:
     * the earlier Outlook is gone (it runs once per machine), its sessions are left behind.
     */
    private void supersedeRestarted(OpenSession fresh, Instant time, EvidenceRef ref) {
        Instant quietSince = time.minus(Thresholds.START_GAP);
        for (OpenSession s : open.values()) {
            if (s != fresh && !s.superseded() && s.client.sameProgram(fresh.client)
                    && s.start.isBefore(quietSince) && s.lastActivity.isBefore(quietSince)) {
                supersede(s, time, fresh.client.ip() + " (a new start)");
                movedExamples.add(new Example(time, ref, fresh.client.describe()
                        + " logged on again while session " + s.id + " from its earlier start was silent since "
                        + Texts.time(s.lastActivity)));
            }
        }
        changed(time);
    }

    private void supersede(OpenSession s, Instant time, String by) {
        s.supersededAt = time;
        s.supersededBy = by;
        active--;
        clients.get(s.client).activeNow--;
    }

    private void reactivate(OpenSession s) {
        if (s.movedAway && s.client.ip() != null) {
            if (burst != null) {
                burst.revive(s.client.ip());
            }
            if (strongestBurst != null) {
                strongestBurst.revive(s.client.ip());
            }
        }
        s.movedAway = false;
        s.supersededAt = null;
        s.supersededBy = null;
        active++;
        ClientStats stats = clients.get(s.client);
        stats.activeNow++;
        stats.peakActive = Math.max(stats.peakActive, stats.activeNow);
    }

    private void close(OpenSession s, Instant time) {
        open.remove(s.id);
        ClientStats stats = clients.get(s.client);
        stats.openNow--;
        if (!s.superseded()) {
            active--;
            stats.activeNow--;
        }
    }

    /** Addresses this user connected from, folded ones included. */
    int addressCount() {
        return addresses.size() + foldedAddresses;
    }

    /** Of those, addresses used on a single day only (VPN pools, roaming); a folded address seen again counts anew. */
    int oneTimeAddressCount() {
        return (int) addresses.values().stream().filter(d -> d.days == 1).count() + foldedOneTimeAddresses;
    }

    private void foldAddress(String address, AddressDays d) {
        foldedAddresses++;
        if (d.days == 1) {
            foldedOneTimeAddresses++;
        }
    }

    private void foldClient(ClientKey client, ClientStats stats) {
        if (strongestFoldedStats == null || stats.peakActive > strongestFoldedStats.peakActive) {
            strongestFoldedClient = client;
            strongestFoldedStats = stats;
        }
    }

    private void changed(Instant time) {
        int openNow = open.size();
        if (openNow > peakOpen) {
            peakOpen = openNow;
            peakAt = time;
        }
        peakActive = Math.max(peakActive, active);
        timeline.add(time, openNow, active);
    }

    private void countAddressDay(String ip, Instant time) {
        if (ip == null) {
            return;
        }
        AddressDays d = addresses.computeIfAbsent(ip, k -> new AddressDays());
        long day = Math.floorDiv(time.getEpochSecond(), 86_400L);
        if (day != d.lastDay) {
            d.days++;
            d.lastDay = day;
        }
        d.sessions++;
    }

    void rememberMailbox(String mailbox) {
        if (otherMailboxes.contains(mailbox)) {
            return;
        }
        otherMailboxCount++;
        if (otherMailboxes.size() < Thresholds.MAX_TRACKED_MAILBOXES) {
            otherMailboxes.add(mailbox);
        }
    }

    static String address(OpenSession s) {
        return s.client.ip() == null ? UNKNOWN_ADDRESS : s.client.ip();
    }

    private static boolean isLogon(String operation) {
        return operation != null && operation.toLowerCase(Locale.ROOT).endsWith("logon");
    }
}
