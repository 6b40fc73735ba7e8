package org.mapiscope.sim.evidence;

import java.util.List;
import java.util.SplittableRandom;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;

/**
 * What each simulated client looks like in RCA logs: address, software version and mode. Laptops dial
 * in through a VPN and get a fresh pool address on every start; desktops keep one address; clients
 * behind a middlebox all appear with the middlebox's address; service accounts run on one server.
 * Deterministic: versions and modes follow from the user index, VPN addresses from a seeded stream.
 */
final class ClientProfiles {

    static final String SERVER_IP = "10.0.0.10";
    /** Outlook 2007 SP3, 2010 SP1, 2010 SP2, 2013 SP1: builds seen against Exchange 2010. */
    private static final String[] OUTLOOK_VERSIONS = {"12.0.6665.5000", "14.0.6109.5000", "14.0.7015.1000",
        "15.0.4569.1506"};
    /** MAPI/CDO 1.2.1 as BlackBerry and archiving services used it. */
    private static final String SERVICE_VERSION = "6.5.8211.0";

    private final List<Population> populations;
    private final int[] popOf;
    private final SplittableRandom vpn;

    ClientProfiles(Scenario scenario, int[] popOf) {
        this.populations = scenario.populations();
        this.popOf = popOf;
        this.vpn = new SplittableRandom(scenario.seed() ^ 0x2545F4914F6CDD1DL);
    }

    /** The address a client start connects from; draws a VPN address for laptops. */
    String addressForStart(int user) {
        int p = popOf[user];
        Population pop = populations.get(p);
        if (pop.behindMiddlebox()) {
            return "10.0.250." + (p % 250 + 1);
        }
        if (pop.kind() == Population.Kind.SERVICE_ACCOUNT) {
            return "10.0.1." + (user % 200 + 20);
        }
        if (pop.device() == Population.Device.LAPTOP) {
            int host = vpn.nextInt(2, 65_534); // 10.200.0.0/16 without network and broadcast
            return "10.200." + (host >>> 8) + "." + (host & 0xFF);
        }
        return "10.10." + (user / 250 % 250) + "." + (user % 250 + 2);
    }

    String version(int user) {
        Population pop = populations.get(popOf[user]);
        if (pop.kind() == Population.Kind.SERVICE_ACCOUNT) {
            return SERVICE_VERSION;
        }
        return OUTLOOK_VERSIONS[Math.floorMod(user * 31 + 7, OUTLOOK_VERSIONS.length)];
    }

    /** Laptops run cached; one desktop in four runs online (Classic), as terminal servers and old installs do. */
    String mode(int user) {
        Population pop = populations.get(popOf[user]);
        if (pop.kind() == Population.Kind.SERVICE_ACCOUNT) {
            return "Classic";
        }
        return pop.device() == Population.Device.DESKTOP && user % 4 == 3 ? "Classic" : "Cached";
    }

    String software(int user) {
        return populations.get(popOf[user]).clientSoftware();
    }
}
