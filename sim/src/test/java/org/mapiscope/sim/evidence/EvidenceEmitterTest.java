package org.mapiscope.sim.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.Cause;
import org.mapiscope.model.UserKeys;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.InjectedCauses;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class EvidenceEmitterTest {

  private static final String SCENARIO =
      """
      {"duration": "3d", "seed": 9, "server": {"sessionLimit": 8, "keepAliveTime": "%s"},
       "populations": [
         {"name": "laptops", "users": 6, "startsPerHour": 1.5, "sessionsPerStart": 2,
          "holding": {"dist": "lognormal", "mean": "40m"}, "abandonProbability": 0.5},
         {"name": "office", "users": 4, "startsPerHour": 0.3, "holding": {"mean": "3h"}},
         {"name": "branch", "users": 3, "startsPerHour": 0.5, "holding": {"mean": "1h"},
          "abandonProbability": 0.4, "behindMiddlebox": true},
         {"name": "bes", "kind": "serviceAccount", "mailboxes": 20, "users": 1, "startsPerHour": 1,
          "sessionsPerStart": 4, "holding": {"dist": "fixed", "mean": "3h"}}]}\
      """;

  private static Scenario scenario(String keepAlive) throws Exception {
    return ScenarioParser.parse(SCENARIO.formatted(keepAlive));
  }

  private static MemoryOutput emitted;
  private static SimulationResult emittedResult;

  /**
   * The scenario with KeepAliveTime 2 h, emitted once for the tests that only read it (same bytes
   * each time).
   */
  private static synchronized MemoryOutput emitted() throws Exception {
    if (emitted == null) {
      MemoryOutput out = new MemoryOutput();
      emittedResult = EvidenceEmitter.emit(scenario("2h"), out);
      emitted = out;
    }
    return emitted;
  }

  private static synchronized SimulationResult emittedResult() throws Exception {
    emitted();
    return emittedResult;
  }

  @Test
  void emittingDoesNotChangeTheRunAndIsRepeatable() throws Exception {
    MemoryOutput a = new MemoryOutput();
    MemoryOutput b = new MemoryOutput();
    SimulationResult ra = EvidenceEmitter.emit(scenario("2h"), a);
    EvidenceEmitter.emit(scenario("2h"), b);
    assertThat(ra).isEqualTo(Simulator.run(scenario("2h")));
    assertThat(ra.rejected()).isPositive();
    assertThat(a.files.keySet()).isEqualTo(b.files.keySet());
    a.files.forEach((path, text) -> assertThat(text.toString()).as(path).isEqualTo(b.text(path)));
  }

  @Test
  void rcaLogsHaveTheExchange2010HeaderAndSeventeenFieldsARow() throws Exception {
    MemoryOutput out = emitted();
    SimulationResult r = emittedResult();
    List<String> logs = out.files.keySet().stream().filter(p -> p.startsWith("rca/")).toList();
    assertThat(logs)
        .containsExactly(
            "rca/RCA_20261102-1.LOG", "rca/RCA_20261103-1.LOG", "rca/RCA_20261104-1.LOG");
    for (String path : logs) {
      String[] lines = out.text(path).split("\r\n");
      assertThat(lines[0]).isEqualTo("#Software: Microsoft Exchange Server");
      assertThat(lines[1]).startsWith("#Version: 14.");
      assertThat(lines[2]).isEqualTo("#Log-type: RCA Protocol Logs");
      assertThat(lines[3]).matches("#Date: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(lines[4]).isEqualTo("#Fields: " + RcaLog.FIELDS);
      assertThat(lines[4].substring(9).split(","))
          .hasSize(17)
          .startsWith("date-time", "session-id");
      String previous = "";
      for (int i = 5; i < lines.length; i++) {
        List<String> f = csv(lines[i]);
        assertThat(f).as(lines[i]).hasSize(17);
        assertThat(f.get(0)).isGreaterThanOrEqualTo(previous).startsWith(path.substring(8, 12));
        previous = f.get(0);
        assertThat(UserKeys.fromIdentity(f.get(3))).matches("[a-z][a-z-]+\\d*");
      }
    }
    RcaRows rows = RcaRows.of(out);
    Map<String, Integer> opsBySession = new HashMap<>();
    long connects = 0;
    long ends = 0;
    for (RcaRows.Row row : rows.rows) {
      if (row.ok()) {
        opsBySession.merge(row.session() + row.op(), 1, Integer::sum);
        connects += row.op().equals("Connect") ? 1 : 0;
        ends += row.op().equals("Disconnect") || row.op().equals("NetworkRundown") ? 1 : 0;
      } else {
        assertThat(row.op()).isEqualTo("Connect"); // only connects fail
      }
    }
    assertThat(opsBySession.values())
        .containsOnly(1); // each session has at most one row of each kind
    assertThat(connects).isEqualTo(r.attempts() - r.rejected());
    assertThat(connects - ends).isEqualTo(r.sessionsOpenAtEnd());
    assertThat(rows.rows.stream().filter(RcaRows.Row::refused).count())
        .isGreaterThanOrEqualTo(r.rejected());
  }

  @Test
  void clientAndServerAddressesAreOnConnectRowsOnlyAndSessionFieldsRepeat() throws Exception {
    MemoryOutput out = emitted();
    Map<String, List<String>> sessionFields = new HashMap<>();
    Set<String> ops = new HashSet<>();
    for (RcaRows.Row row : RcaRows.of(out).rows) {
      ops.add(row.op());
      // organization-info is empty on premises; Exchange repeats it on no row of one organization
      assertThat(row.get("organization-info")).as(row.line()).isEmpty();
      if (row.op().equals("Connect")) {
        assertThat(row.get("client-ip")).as(row.line()).matches("10\\.\\d+\\.\\d+\\.\\d+");
        assertThat(row.get("server-ip")).as(row.line()).isEqualTo(ClientProfiles.SERVER_IP);
        assertThat(row.get("operation-specific"))
            .as(row.line())
            .matches("SID=S-1-5-21-[-0-9]+, Flags=None");
      } else {
        assertThat(row.get("client-ip")).as(row.line()).isEmpty();
        assertThat(row.get("server-ip")).as(row.line()).isEmpty();
      }
      List<String> scoped =
          List.of(
              row.get("client-name"),
              row.get("client-software"),
              row.get("client-software-version"),
              row.get("client-mode"),
              row.get("protocol"));
      assertThat(scoped).doesNotContain("");
      assertThat(sessionFields.computeIfAbsent(row.session(), k -> scoped))
          .as(row.line())
          .isEqualTo(scoped);
    }
    assertThat(ops)
        .contains(
            "Connect",
            "OwnerLogon",
            "DelegateLogon",
            "OwnerLogoff",
            "DelegateLogoff",
            "Disconnect",
            "NetworkRundown");
  }

  @Test
  void reapedSessionsEndWithNetworkRundownAndClosedOnesWithLogoffAndDisconnect() throws Exception {
    Scenario s = scenario("2h");
    MemoryOutput out = emitted();
    Map<String, String> population = populationByUser(s);
    Map<String, List<RcaRows.Row>> bySession = new LinkedHashMap<>();
    for (RcaRows.Row row : RcaRows.of(out).rows) {
      if (row.ok()) {
        bySession.computeIfAbsent(row.session(), k -> new ArrayList<>()).add(row);
      }
    }
    Map<String, Integer> rundownsByPopulation = new HashMap<>();
    Map<String, Integer> disconnectsByPopulation = new HashMap<>();
    for (List<RcaRows.Row> session : bySession.values()) {
      RcaRows.Row first = session.get(0);
      RcaRows.Row last = session.get(session.size() - 1);
      String pop = population.get(first.user());
      assertThat(first.op()).isEqualTo("Connect");
      assertThat(first.get("seq-number")).isEqualTo("0");
      List<String> ops = session.stream().map(RcaRows.Row::op).toList();
      if (last.op().equals("NetworkRundown")) {
        // the server ran a dead connection down: no logoff from the vanished client
        assertThat(ops).containsExactly("Connect", "OwnerLogon", "NetworkRundown");
        long held =
            Instant.parse(last.get("date-time")).toEpochMilli()
                - Instant.parse(first.get("date-time")).toEpochMilli();
        assertThat(held).isGreaterThanOrEqualTo(s.server().deadPeerDetectionMs());
        rundownsByPopulation.merge(pop, 1, Integer::sum);
      } else if (last.op().equals("Disconnect")) {
        assertThat(ops.subList(ops.size() - 2, ops.size()))
            .containsAnyOf("OwnerLogoff", "DelegateLogoff");
        assertThat(Long.parseLong(last.get("seq-number"))).isGreaterThan(1);
        disconnectsByPopulation.merge(pop, 1, Integer::sum);
      } else {
        assertThat(ops).hasSize(2); // still open when the logs were collected
      }
    }
    // only vanished, directly connected laptops are reaped; the middlebox never lets go, others
    // close
    assertThat(rundownsByPopulation.keySet()).containsExactly("laptops");
    assertThat(disconnectsByPopulation.keySet())
        .containsExactlyInAnyOrder("laptops", "office", "branch", "bes");
  }

  @Test
  void everyRefusalHappensWhileTheLogsShowTheUserAtTheLimit() throws Exception {
    MemoryOutput out = emitted();
    SimulationResult r = emittedResult();
    Map<String, Integer> open = new HashMap<>();
    Map<String, String> owner = new HashMap<>();
    long refused = 0;
    for (RcaRows.Row row : RcaRows.of(out).rows) {
      String user = row.user();
      switch (row.op()) {
        case "Connect" -> {
          if (row.ok()) {
            open.merge(user, 1, Integer::sum);
            owner.put(row.session(), user);
          } else if (row.refused()) {
            assertThat(open.getOrDefault(user, 0)).as(row.line()).isEqualTo(8);
            refused++;
          } else {
            // another failure: not a refusal, whatever the user holds
            assertThat(row.get("rpc-status")).matches("1010 \\(rpc::LoginPerm\\)|.*LoginFailure.*");
          }
        }
        case "Disconnect", "NetworkRundown" ->
            open.merge(owner.get(row.session()), -1, Integer::sum);
        default -> {}
      }
      assertThat(open.getOrDefault(user, 0)).isBetween(0, 8);
    }
    assertThat(refused).isGreaterThanOrEqualTo(r.rejected()).isPositive();
  }

  @Test
  void addressesFollowTheDevice() throws Exception {
    MemoryOutput out = emitted();
    Scenario s = scenario("2h");
    Map<String, String> population = populationByUser(s);
    Map<String, Set<String>> ipsByPopulation = new HashMap<>();
    Map<String, Set<String>> ipsByUser = new HashMap<>();
    long laptopStarts = 0;
    Set<String> laptopStartTimes = new HashSet<>();
    for (RcaRows.Row row : RcaRows.of(out).rows) {
      if (!row.op().equals("Connect") || (!row.ok() && !row.refused())) {
        continue; // addresses are on Connect rows; other failures may name another user's mailbox
      }
      String user = row.user();
      ipsByPopulation
          .computeIfAbsent(population.get(user), k -> new HashSet<>())
          .add(row.get("client-ip"));
      ipsByUser.computeIfAbsent(user, k -> new HashSet<>()).add(row.get("client-ip"));
      if (population.get(user).equals("laptops") && row.ok()) {
        laptopStartTimes.add(user + row.get("date-time"));
      }
    }
    laptopStarts = laptopStartTimes.size();
    assertThat(ipsByPopulation.get("branch")).hasSize(1);
    ipsByUser.forEach(
        (user, ips) -> {
          if (population.get(user).equals("office")) {
            assertThat(ips).hasSize(1);
          }
        });
    // the sessions of a start share the address; each start draws a fresh one (collisions are rare
    // in a /16)
    assertThat(ipsByPopulation.get("laptops").size()).isGreaterThan((int) (laptopStarts * 0.9));
    assertThat(ipsByPopulation.get("laptops")).allMatch(ip -> ip.startsWith("10.200."));
  }

  @Test
  void eventXmlParsesSecurelyAndCarriesTheThreeInsertionStrings() throws Exception {
    MemoryOutput out = emitted();
    SimulationResult r = emittedResult();
    String xml = out.text(EventLogXml.PATH);
    assertThat(xml).doesNotStartWith("<?xml").startsWith("<Event xmlns=");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new InputSource(new StringReader("<Events>" + xml + "</Events>")));
    NodeList events = doc.getDocumentElement().getElementsByTagNameNS("*", "Event");
    // one event per refused Connect: the engine's refusals and the clients' retries
    long refused = RcaRows.of(out).rows.stream().filter(RcaRows.Row::refused).count();
    assertThat((long) events.getLength()).isEqualTo(refused).isGreaterThanOrEqualTo(r.events9646());
    long previousId = 0;
    Instant previousTime = Instant.MIN;
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      Element id = first(e, "EventID");
      assertThat(id.getTextContent()).isEqualTo("9646");
      assertThat(id.getAttribute("Qualifiers")).isEqualTo("49158");
      assertThat(first(e, "Provider").getAttribute("Name")).isEqualTo("MSExchangeIS");
      assertThat(first(e, "Level").getTextContent()).isEqualTo("2");
      assertThat(first(e, "Task").getTextContent()).isEqualTo("6");
      assertThat(first(e, "Keywords").getTextContent()).isEqualTo("0x80000000000000");
      assertThat(first(e, "Channel").getTextContent()).isEqualTo("Application");
      assertThat(first(e, "Computer").getTextContent()).isEqualTo("EX01.contoso.com");
      long recordId = Long.parseLong(first(e, "EventRecordID").getTextContent());
      // rising with gaps: other sources log to the Application channel in between
      if (previousId == 0) {
        assertThat(recordId).isEqualTo(EvidenceEmitter.FIRST_RECORD_ID);
      } else {
        assertThat(recordId).isBetween(previousId + 1, previousId + 1 + EventLogXml.MAX_RECORD_GAP);
      }
      previousId = recordId;
      Instant t = Instant.parse(first(e, "TimeCreated").getAttribute("SystemTime"));
      assertThat(t).isAfterOrEqualTo(previousTime);
      previousTime = t;
      NodeList data = e.getElementsByTagNameNS("*", "Data");
      assertThat(data.getLength()).isEqualTo(3);
      String dn = data.item(0).getTextContent();
      assertThat(dn).startsWith(UserDirectory.ORG_DN_PREFIX);
      assertThat(data.item(1).getTextContent()).isEqualTo("8");
      assertThat(data.item(2).getTextContent()).isEqualTo("session");
      assertThat(first(e, "Message").getTextContent())
          .isEqualTo(
              "Mapi session \"" + dn + "\" exceeded the maximum of 8 objects of type \"session\".");
    }
  }

  @Test
  void registryShowsOnlyWhatDiffersFromAStockServer() throws Exception {
    MemoryOutput stock = new MemoryOutput();
    EvidenceEmitter.emit(
        ScenarioParser.parse(
            """
            {"duration": "1h", "populations": [{"name": "a", "users": 1, "startsPerHour": 1,
              "holding": {"mean": "1h"}}]}\
            """),
        stock);
    String tcpip = stock.text(RegistryExport.TCPIP_PATH);
    assertThat(stock.charsets.get(RegistryExport.TCPIP_PATH)).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(tcpip)
        .startsWith(
            "\uFEFFWindows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n");
    assertThat(tcpip).contains("\"Hostname\"=\"EX01\"").doesNotContain("KeepAlive");
    assertThat(stock.files)
        .doesNotContainKey(RegistryExport.STORE_PATH)
        .doesNotContainKey(EventLogXml.PATH);

    MemoryOutput tuned = new MemoryOutput();
    EvidenceEmitter.emit(scenario("5m"), tuned);
    assertThat(tuned.text(RegistryExport.TCPIP_PATH))
        .contains("\"KeepAliveTime\"=dword:000493e0\r\n")
        .doesNotContain("KeepAliveInterval");
    assertThat(tuned.text(RegistryExport.STORE_PATH))
        .contains(
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]\r\n"
                + "\"Maximum Allowed Sessions Per User\"=dword:00000008\r\n");
  }

  @Test
  void serviceAccountsLogOnToTheMailboxesTheyServe() throws Exception {
    MemoryOutput out = emitted();
    Set<String> delegates = new HashSet<>();
    for (String line : rcaLines(out)) {
      if (line.contains(",DelegateLogon,")) {
        List<String> f = csv(line);
        assertThat(UserKeys.fromIdentity(f.get(3))).isEqualTo("svc-bes");
        assertThat(f.get(5)).isEqualTo("MAPICDO");
        delegates.add(f.get(15));
      }
    }
    assertThat(delegates).hasSize(20);
  }

  @Test
  void injectedCausesFollowThePopulations() throws Exception {
    Map<String, Set<Cause>> causes = EvidenceEmitter.injectedCausesByUser(scenario("2h"));
    assertThat(causes).hasSize(14);
    assertThat(causes.get("svc-bes")).containsExactly(Cause.SERVICE_ACCOUNT_NEED);
    assertThat(causes.values())
        .contains(Set.of(Cause.DEAD_CLIENT_SESSIONS), Set.of(Cause.MIDDLEBOX_HOLDING), Set.of());
    assertThat(InjectedCauses.ofServer(scenario("2h"))).containsExactly(Cause.KEEPALIVE_TOO_LONG);
    assertThat(InjectedCauses.ofServer(scenario("20m"))).isEmpty();
  }

  /** User key → population name. */
  static Map<String, String> populationByUser(Scenario s) {
    Map<String, String> population = new HashMap<>();
    UserDirectory dir = UserDirectory.of(s);
    int u = 0;
    for (var p : s.populations()) {
      for (int i = 0; i < p.users(); i++) {
        population.put(dir.userKey(u++), p.name());
      }
    }
    return population;
  }

  private static Element first(Element e, String name) {
    return (Element) e.getElementsByTagNameNS("*", name).item(0);
  }

  /** The data rows of the emitted RCA logs, header lines left out, in file order. */
  static List<String> rcaLines(MemoryOutput out) {
    List<String> lines = new ArrayList<>();
    for (String path : out.files.keySet()) {
      if (path.startsWith("rca/")) {
        for (String line : out.text(path).split("\r\n")) {
          if (!line.startsWith("#")) {
            lines.add(line);
          }
        }
      }
    }
    return lines;
  }

  /** RFC 4180 fields of one line. */
  static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
