package org.mapiscope.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.ExchangeVersion;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.Finding.EvidenceItem;
import org.mapiscope.analysis.Finding.Scope;
import org.mapiscope.analysis.FixChange;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.LimitEventSummary.UserLimitEvents;
import org.mapiscope.analysis.Recommendations;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.analysis.Remedy.Action;
import org.mapiscope.analysis.SessionSummary;
import org.mapiscope.analysis.SessionSummary.ClientUsage;
import org.mapiscope.analysis.SessionSummary.TimelinePoint;
import org.mapiscope.analysis.SessionSummary.UserSessions;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.analysis.VersionVerdict;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.SettingValue;
import org.mapiscope.report.events.LimitEventHistogram;
import org.mapiscope.report.scripts.FixScripts;
import org.mapiscope.report.scripts.ScriptSet;

/** Realistic analysis results as the analysis module produces them, for report tests. */
public final class Fixtures {

  private Fixtures() {}

  public static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  public static final String HOSTILE = "<script>alert(\"x\")</script>&'\u2019";

  public static final Remedy LOWER_KEEPALIVE =
      new Remedy(
          2,
          Action.LOWER_KEEPALIVE,
          "Lower KeepAliveTime to 30 minutes on EX1",
          "Set HKLM\\...\\Tcpip\\Parameters\\KeepAliveTime to 1800000 and reboot EX1.",
          List.of(
              new FixChange.RegistryDword(
                  "EX1",
                  ExchangeDefaults.TCPIP_PARAMETERS_KEY,
                  ExchangeDefaults.KEEP_ALIVE_TIME,
                  1_800_000L,
                  null)));

  public static final Remedy BES_POLICY =
      new Remedy(
          1,
          Action.DEDICATED_THROTTLING_POLICY,
          "Give besadmin its own throttling policy",
          "New-ThrottlingPolicy BESPolicy with RCAMaxConcurrency unlimited, assigned to besadmin"
              + " only.",
          List.of(new FixChange.ThrottlingPolicy("besadmin", "BESPolicy", null, null)));

  public static AnalysisResult result() {
    Instant last = T0.plus(Duration.ofDays(2)).plusSeconds(3600 * 5 + 30);
    LimitEventSummary events =
        new LimitEventSummary(
            57,
            linked("session", 52L, "objtFolder", 5L),
            List.of(
                new UserLimitEvents(
                    "jdoe",
                    "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jdoe",
                    "session",
                    32,
                    40,
                    T0.plusSeconds(900),
                    last,
                    List.of("EX1")),
                new UserLimitEvents(
                    "besadmin",
                    "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=BESAdmin",
                    "session",
                    32,
                    12,
                    T0.plusSeconds(3600),
                    T0.plusSeconds(7200).plusMillis(250),
                    List.of("EX1", "EX2")),
                new UserLimitEvents(
                    "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99",
                    null,
                    "objtFolder",
                    500,
                    5,
                    T0.plusSeconds(60),
                    T0.plusSeconds(600),
                    List.of("EX2"))),
            T0.plusSeconds(60),
            last);
    SessionSummary sessions =
        new SessionSummary(
            List.of(
                new UserSessions(
                    "jdoe",
                    32,
                    T0.plusSeconds(900),
                    6,
                    26,
                    List.of(
                        new ClientUsage("10.8.0.17", "OUTLOOK.EXE", "Cached", 30),
                        new ClientUsage("192.168.1.20", "OUTLOOK.EXE", "Cached", 8)),
                    timeline(T0, 32, 6),
                    40,
                    new SessionSummary.Refusals(
                        10,
                        T0.plusSeconds(900),
                        32,
                        6,
                        60,
                        java.util.Map.of("1010 (rpc::LoginPerm)", 60L),
                        14,
                        2)),
                new UserSessions(
                    "besadmin",
                    32,
                    T0.plusSeconds(3600),
                    32,
                    0,
                    List.of(
                        new ClientUsage(
                            "10.0.0.5", "BlackBerry Enterprise Server", "Classic", 400)),
                    timeline(T0, 32, 32),
                    12,
                    new SessionSummary.Refusals(
                        4, T0.plusSeconds(3600), 32, 32, 0, java.util.Map.of(), 0, 0))));
    List<SettingView> settings =
        List.of(
            new SettingView(
                "EX1",
                ExchangeDefaults.MAX_SESSIONS_PER_USER,
                SettingValue.of("32"),
                SettingView.DEFAULT_SOURCE),
            new SettingView(
                "EX1",
                ExchangeDefaults.KEEP_ALIVE_TIME,
                SettingValue.of("7200000"),
                SettingView.DEFAULT_SOURCE));
    List<Finding> findings =
        List.of(
            new Finding(
                Scope.USER,
                "jdoe",
                Cause.DEAD_CLIENT_SESSIONS,
                0.9,
                "jdoe's laptop moved between VPN addresses; the server kept 26 dead sessions for"
                    + " about 2 hours.",
                List.of(
                    new EvidenceItem(
                        "logs/RCA_20261102-1.LOG",
                        "line 4711",
                        "2026-11-02T08:14:59Z,Connect,jdoe,10.8.0.17")),
                List.of(
                    new Remedy(
                        1,
                        Action.FIX_CLIENT,
                        "Close Outlook before disconnecting the VPN",
                        "Ask jdoe to close Outlook before undocking.",
                        List.of()),
                    LOWER_KEEPALIVE),
                new org.mapiscope.analysis.FindingFacts.DeadClients(
                    26, 20, 6, 0, 5, 4, 32, 26, 7_200_000L)),
            new Finding(
                Scope.ACCOUNT,
                "besadmin",
                Cause.SERVICE_ACCOUNT_NEED,
                0.85,
                "besadmin opens sessions for 400 mailboxes from the BlackBerry server.",
                List.of(
                    new EvidenceItem(
                        "logs/RCA_20261102-1.LOG", "line 88", "DelegateLogon besadmin -> jdoe")),
                List.of(BES_POLICY)),
            new Finding(
                Scope.SERVER,
                "EX1",
                Cause.KEEPALIVE_TOO_LONG,
                0.8,
                "KeepAliveTime is absent on EX1, so dead sessions live 2 hours.",
                List.of(new EvidenceItem("EX1-tcpip.reg", "line 3", "no KeepAliveTime value")),
                List.of(LOWER_KEEPALIVE)));
    Recommendations rec = new Recommendations(1_800_000L, List.of());
    return new AnalysisResult(events, sessions, settings, findings, rec, EXCHANGE);
  }

  /**
   * {@link #result()} with a user whose client list the analysis cut: 16 of 35 clients listed, 64
   * of 140 sessions; and a TcpMaxDataRetransmissions the registry export shows absent (no default).
   */
  public static AnalysisResult cutClientList() {
    AnalysisResult r = result();
    List<ClientUsage> sixteen = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      sixteen.add(new ClientUsage("10.8.1." + i, "OUTLOOK.EXE", "Cached", 4));
    }
    List<UserSessions> users = new ArrayList<>(r.sessions().byUser());
    users.add(
        new UserSessions(
            "roamer",
            20,
            T0.plusSeconds(60),
            3,
            17,
            sixteen,
            List.of(),
            5,
            SessionSummary.Refusals.NONE,
            35,
            140));
    List<SettingView> settings = new ArrayList<>(r.settings());
    settings.add(
        new SettingView(
            "EX1",
            ExchangeDefaults.TCP_MAX_DATA_RETRANSMISSIONS,
            new SettingValue.Absent(),
            "EX1-tcpip.reg:3 (absent: default applies)"));
    return new AnalysisResult(
        r.limitEvents(),
        new SessionSummary(users),
        settings,
        r.findings(),
        r.recommendations(),
        EXCHANGE);
  }

  /** A report of {@link #cutClientList()}. */
  public static AnalyzeReport cutClientListReport() {
    AnalysisResult r = cutClientList();
    return new AnalyzeReport(
        "0.1.0", inputs(), r, ZoneId.of("Europe/Berlin"), histogram(r), FixScripts.render(r));
  }

  /** The version verdict of {@link #result()}: RCA logs were read, nothing newer seen. */
  public static final VersionVerdict EXCHANGE =
      new VersionVerdict(
          ExchangeVersion.EX2010,
          "RPC Client Access logs exist from Exchange 2010 on; nothing marks 2013 or later");

  /** Sessions climbing to {@code peak} in the first hour, with {@code active} of them live. */
  public static List<TimelinePoint> timeline(Instant start, int peak, int active) {
    List<TimelinePoint> points = new ArrayList<>();
    for (int i = 0; i <= peak; i++) {
      points.add(new TimelinePoint(start.plusSeconds(110L * i), i, Math.min(i, active)));
    }
    points.add(new TimelinePoint(start.plusSeconds(7200), 4, 4));
    points.add(new TimelinePoint(start.plusSeconds(86_400 + 1800), peak, active));
    points.add(new TimelinePoint(start.plusSeconds(2 * 86_400), 0, 0));
    return points;
  }

  public static List<InputSummary> inputs() {
    return List.of(
        InputSummary.read(
            "logs/RCA_20261102-1.LOG",
            "rca",
            12_000,
            2,
            List.of(
                new InputError("logs/RCA_20261102-1.LOG:17", "expected 18 fields, found 3"),
                new InputError(
                    "logs/RCA_20261102-1.LOG:18", "time " + HOSTILE + " is not ISO-8601"))),
        InputSummary.read("Application.evtx", "evtx", 5_000, 0, List.of()),
        InputSummary.notRead("notes.docx", InputOutcome.UNRECOGNIZED, List.of()));
  }

  public static LimitEventHistogram histogram(AnalysisResult r) {
    LimitEventHistogram h = new LimitEventHistogram();
    for (UserLimitEvents u : r.limitEvents().byUser()) {
      long hours = Math.max(1, Duration.between(u.first(), u.last()).toHours());
      // Spread the count evenly over the user's hours, in bulk (a fleet has millions of events).
      for (long i = 0; i <= hours; i++) {
        long n = u.count() / (hours + 1) + (i < u.count() % (hours + 1) ? 1 : 0);
        if (n > 0) {
          h.add(u.user(), u.first().plusSeconds(3600 * i), n);
        }
      }
    }
    return h;
  }

  public static AnalyzeReport report() {
    AnalysisResult r = result();
    return new AnalyzeReport(
        "0.1.0", inputs(), r, ZoneId.of("Europe/Berlin"), histogram(r), FixScripts.render(r));
  }

  /** A fleet-sized result: {@code users} affected users with sessions and one finding each. */
  public static AnalysisResult fleet(int users) {
    List<UserLimitEvents> byUser = new ArrayList<>();
    List<UserSessions> sessions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < users; i++) {
      String user = "user" + i;
      long count = users - i;
      total += count;
      byUser.add(
          new UserLimitEvents(
              user,
              "/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=" + user,
              "session",
              32,
              count,
              T0.plusSeconds(i),
              T0.plusSeconds(86_400L + i),
              List.of("EX" + (i % 4))));
      sessions.add(
          new UserSessions(
              user,
              32,
              T0.plusSeconds(i),
              5,
              27,
              List.of(
                  new ClientUsage(
                      "10.8." + (i / 250) + "." + (i % 250), "OUTLOOK.EXE", "Cached", 30)),
              timeline(T0, 32, 5)));
      findings.add(
          new Finding(
              Scope.USER,
              user,
              Cause.DEAD_CLIENT_SESSIONS,
              0.8,
              user + " left dead sessions behind.",
              List.of(new EvidenceItem("RCA.LOG", "line " + i, "Connect " + user)),
              List.of(LOWER_KEEPALIVE)));
    }
    return new AnalysisResult(
        new LimitEventSummary(
            total, Map.of("session", total), byUser, T0, T0.plusSeconds(86_400L + users)),
        new SessionSummary(sessions),
        List.of(),
        findings,
        new Recommendations(1_800_000L, List.of()));
  }

  public static ScriptSet noScripts() {
    return ScriptSet.empty();
  }

  private static Map<String, Long> linked(String k1, Long v1, String k2, Long v2) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
