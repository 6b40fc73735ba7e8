package org.mapiscope.sim.evidence;

import java.util.List;
import java.util.SplittableRandom;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;

/**
 * What each simulated client looks like in RCA logs: address, software version, mode, protocol and
 * Windows account SID. Laptops dial in through a VPN and get a fresh pool address on every start;
 * desktops keep one address; clients behind a middlebox all appear with the middlebox's address;
 * service accounts run on one server. Exchange 2010 clients speak RPC over TCP; against 2013+
 * Outlook speaks RPC over HTTP, and Outlook 2016 MAPI over HTTP (protocol {@code MapiHttp}).
 * Deterministic: versions and modes follow from the user index, VPN addresses from a seeded stream.
 */
final class ClientProfiles {

  static final String SERVER_IP = "10.0.0.10";

  /**
   * MAPI/HTTP reaches RPC Client Access through the local front end (a 2013+ front end logs {@code
   * ::1}, docs/ingest.md).
   */
  static final String MAPI_HTTP_SERVER_IP = "::1";

  static final String TCP = "ncacn_ip_tcp";
  static final String HTTP = "ncacn_http";
  static final String MAPI_HTTP = "MapiHttp";

  /** Outlook 2007 SP3, 2010 SP1, 2010 SP2, 2013 SP1: builds seen against Exchange 2010. */
  private static final String[] OUTLOOK_2010_ERA = {
    "12.0.6665.5000", "14.0.6109.5000", "14.0.7015.1000", "15.0.4569.1506"
  };

  /** Outlook 2010 SP2, 2013 SP1, 2016 (two builds): builds seen against Exchange 2013 and later. */
  private static final String[] OUTLOOK_2013_ERA = {
    "14.0.7172.5000", "15.0.4569.1506", "16.0.4266.1001", "16.0.11328.20222"
  };

  /** MAPI/CDO 1.2.1 as BlackBerry and archiving services used it. */
  private static final String SERVICE_VERSION = "6.5.8211.0";

  /** The MAPI/CDO build that speaks RPC over HTTP to Exchange 2013+. */
  private static final String SERVICE_VERSION_2013 = "6.5.8353.0";

  private final List<Population> populations;
  private final int[] popOf;
  private final boolean modern;
  private final SplittableRandom vpn;
  private final String domainSid;

  ClientProfiles(Scenario scenario, int[] popOf) {
    this.populations = scenario.populations();
    this.popOf = popOf;
    this.modern = scenario.server().exchangeVersion() >= 2013;
    this.vpn = new SplittableRandom(scenario.seed() ^ 0x2545F4914F6CDD1DL);
    SplittableRandom sid = new SplittableRandom(scenario.seed() ^ 0x6A09E667F3BCC909L);
    this.domainSid =
        "S-1-5-21-"
            + sid.nextLong(1_000_000_000L, 4_000_000_000L)
            + "-"
            + sid.nextLong(1_000_000_000L, 4_000_000_000L)
            + "-"
            + sid.nextLong(1_000_000_000L, 4_000_000_000L);
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
      return modern ? SERVICE_VERSION_2013 : SERVICE_VERSION;
    }
    String[] builds = modern ? OUTLOOK_2013_ERA : OUTLOOK_2010_ERA;
    return builds[Math.floorMod(user * 31 + 7, builds.length)];
  }

  /**
   * Laptops run cached; one desktop in four runs online (Classic), as terminal servers and old
   * installs do.
   */
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

  /**
   * RPC over TCP against 2010; against 2013+ RPC over HTTP (Outlook Anywhere, the only RPC
   * transport 2013 offers clients), except Outlook 2016 builds, which use MAPI over HTTP.
   */
  String protocol(int user) {
    if (!modern) {
      return TCP;
    }
    return version(user).startsWith("16.") ? MAPI_HTTP : HTTP;
  }

  static String serverIp(String protocol) {
    return MAPI_HTTP.equals(protocol) ? MAPI_HTTP_SERVER_IP : SERVER_IP;
  }

  /**
   * The Windows account SID of a directory entry (user or mailbox), as {@code SID=…} on a Connect
   * row shows it.
   */
  String sid(int directoryIndex) {
    return domainSid + "-" + (1_105 + directoryIndex);
  }
}
