package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Realistic evidence for every cause, alone or several on one server. Each method adds to a
 * fixture.
 */
final class Scenarios {

  private Scenarios() {}

  /** A VPN laptop reconnecting every 12 minutes from a new pool address, never closing Outlook. */
  static Fixture vpnLaptop(Fixture f, String server, String user, int days) {
    for (int day = 0; day < days; day++) {
      for (int k = 0; k < 10; k++) {
        var t = Fixture.at(day, 8, 12 * k);
        var s = f.start(server, user, t, "10.8." + day + "." + (20 + k), Fixture.OUTLOOK, 4);
        f.vanish(s, t.plusSeconds(11 * 60));
      }
    }
    return f;
  }

  /** An office worker at one desk: one Outlook start a day, closed in the evening. */
  static Fixture deskWorker(Fixture f, String server, String user, String ip, int days) {
    for (int day = 0; day < days; day++) {
      var s = f.start(server, user, Fixture.at(day, 8, 3), ip, Fixture.OUTLOOK, 4);
      f.use(s, Fixture.at(day, 12, 0));
      f.close(s, Fixture.at(day, 17, 30));
    }
    return f;
  }

  /** Outlook plus a desktop search indexer on one machine opening 15 sessions every hour. */
  static Fixture desktopSearch(Fixture f, String server, String user) {
    String ip = "10.1.1.50";
    var outlook = f.start(server, user, Fixture.at(0, 8, 0), ip, Fixture.OUTLOOK, 3);
    for (int hour = 9; hour <= 12; hour++) {
      var s = f.start(server, user, Fixture.at(0, hour, 0), ip, "SearchProtocolHost.exe", 15);
      f.use(s, Fixture.at(0, hour, 10));
      f.use(s, Fixture.at(0, hour, 50));
      f.close(s, Fixture.at(0, hour + 1, 40));
    }
    f.close(outlook, Fixture.at(0, 18, 0));
    return f;
  }

  /**
   * Users behind one WAN accelerator address whose laptops leave without closing; nothing is
   * reaped.
   */
  static Fixture riverbed(Fixture f, String server, List<String> users) {
    int[][] starts = {
      {0, 8, 0},
      {0, 10, 30},
      {0, 13, 0},
      {0, 15, 30},
      {1, 8, 0},
      {1, 10, 30},
      {1, 13, 0},
      {1, 15, 30},
      {2, 8, 0}
    };
    for (int u = 0; u < users.size(); u++) {
      for (int[] at : starts) {
        var s =
            f.start(
                server,
                users.get(u),
                Fixture.at(at[0], at[1], at[2] + u),
                "10.9.0.5",
                Fixture.OUTLOOK,
                4);
        f.held(s);
      }
    }
    return f;
  }

  /** A BlackBerry Enterprise Server account opening one session per handheld user's mailbox. */
  static Fixture blackBerry(Fixture f, String server, String account, int mailboxes) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= mailboxes; i++) {
      names.add(String.format("user%02d", i));
    }
    var s =
        f.delegateStart(
            server, account, Fixture.at(0, 6, 0), "10.0.0.20", "BlackBerry Messaging Agent", names);
    for (int hour = 7; hour < 20; hour++) {
      f.use(s, Fixture.at(0, hour, 0));
    }
    return f;
  }

  /** Shared mailboxes in cached mode: the folder cap is hit all afternoon. */
  static Fixture folderLeak(Fixture f, String server, String user) {
    return f.objectLimit(
        server.toUpperCase() + ".contoso.com", Fixture.at(0, 13, 0), user, "objtFolder", 500, 12);
  }

  /**
   * A power user with three machines (desktop, laptop, terminal server), each with 11 sessions (own
   * mailbox and shared ones), all in use all day: 33 sessions wanted, 32 allowed.
   */
  static Fixture powerUser(Fixture f, String server, String user, int days) {
    for (int day = 0; day < days; day++) {
      var a = f.start(server, user, Fixture.at(day, 8, 0), "10.1.2.10", Fixture.OUTLOOK, 11);
      var b = f.start(server, user, Fixture.at(day, 8, 10), "10.1.2.11", Fixture.OUTLOOK, 11);
      var c = f.start(server, user, Fixture.at(day, 9, 0), "10.1.3.5", Fixture.OUTLOOK, 11);
      for (int hour = 9; hour < 17; hour++) {
        f.use(a, Fixture.at(day, hour, 30))
            .use(b, Fixture.at(day, hour, 31))
            .use(c, Fixture.at(day, hour, 32));
      }
      f.close(a, Fixture.at(day, 17, 0))
          .close(b, Fixture.at(day, 17, 1))
          .close(c, Fixture.at(day, 17, 2));
    }
    return f;
  }

  /** A registry export of the server that has no KeepAliveTime (so Windows keeps 2 h). */
  static Fixture registryWithoutKeepAlive(Fixture f, String server) {
    return f.setting(server, ExchangeDefaults.KEEP_ALIVE_INTERVAL, "1000")
        .setting(server, ExchangeDefaults.MAX_SESSIONS_PER_USER, "32");
  }

  static List<String> names(String prefix, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(prefix + i);
    }
    return names;
  }
}
