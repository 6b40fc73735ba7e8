package org.mapiscope.sim.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.UserKeys;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.InjectedCause;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class EvidenceEmitterTest {

    private static final String SCENARIO = """
            {"duration": "3d", "seed": 9, "server": {"sessionLimit": 8, "keepAliveTime": "%s"},
             "populations": [
               {"name": "laptops", "users": 6, "startsPerHour": 1.5, "sessionsPerStart": 2,
                "holding": {"dist": "lognormal", "mean": "40m"}, "abandonProbability": 0.5},
               {"name": "office", "users": 4, "startsPerHour": 0.3, "holding": {"mean": "3h"}},
               {"name": "branch", "users": 3, "startsPerHour": 0.5, "holding": {"mean": "1h"},
                "abandonProbability": 0.4, "behindMiddlebox": true},
               {"name": "bes", "kind": "serviceAccount", "mailboxes": 20, "users": 1, "startsPerHour": 1,
                "sessionsPerStart": 4, "holding": {"dist": "fixed", "mean": "3h"}}]}""";

    private static Scenario scenario(String keepAlive) throws Exception {
        return ScenarioParser.parse(SCENARIO.formatted(keepAlive));
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
        MemoryOutput out = new MemoryOutput();
        SimulationResult r = EvidenceEmitter.emit(scenario("2h"), out);
        List<String> logs = out.files.keySet().stream().filter(p -> p.startsWith("rca/")).toList();
        assertThat(logs).containsExactly("rca/RCA_20261102-1.LOG", "rca/RCA_20261103-1.LOG", "rca/RCA_20261104-1.LOG");
        long failedConnects = 0;
        Map<String, Integer> opsBySession = new HashMap<>();
        for (String path : logs) {
            String[] lines = out.text(path).split("\r\n");
            assertThat(lines[0]).isEqualTo("#Software: Microsoft Exchange Server");
            assertThat(lines[1]).startsWith("#Version: 14.");
            assertThat(lines[2]).isEqualTo("#Log-type: RCA Protocol Logs");
            assertThat(lines[3]).matches("#Date: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(lines[4]).startsWith("#Fields: ");
            assertThat(lines[4].substring(9).split(",")).hasSize(17).startsWith("date-time", "session-id");
            String previous = "";
            for (int i = 5; i < lines.length; i++) {
                List<String> f = csv(lines[i]);
                assertThat(f).as(lines[i]).hasSize(17);
                assertThat(f.get(0)).isGreaterThanOrEqualTo(previous).startsWith(path.substring(8, 12));
                previous = f.get(0);
                assertThat(UserKeys.fromIdentity(f.get(3))).matches("[a-z][a-z-]+\\d*");
                String op = f.get(12);
                if (op.equals("Connect") && !f.get(13).equals("0")) {
                    failedConnects++;
                    assertThat(f.get(13)).contains("SessionLimit");
                } else {
                    assertThat(f.get(13)).isEqualTo("0");
                    opsBySession.merge(f.get(1) + op, 1, Integer::sum);
                }
            }
        }
        assertThat(failedConnects).isEqualTo(r.rejected());
        assertThat(opsBySession.values()).containsOnly(1); // each session has at most one row of each kind
        long connects = opsBySession.keySet().stream().filter(k -> k.endsWith("Connect") && !k.endsWith("Disconnect"))
                .count();
        long disconnects = opsBySession.keySet().stream().filter(k -> k.endsWith("Disconnect")).count();
        assertThat(connects).isEqualTo(r.attempts() - r.rejected());
        assertThat(connects - disconnects).isEqualTo(r.sessionsOpenAtEnd());
    }

    @Test
    void everyRefusalHappensWhileTheLogsShowTheUserAtTheLimit() throws Exception {
        MemoryOutput out = new MemoryOutput();
        SimulationResult r = EvidenceEmitter.emit(scenario("2h"), out);
        Map<String, Integer> open = new HashMap<>();
        long checked = 0;
        for (String line : rcaLines(out)) {
            List<String> f = csv(line);
            String user = UserKeys.fromIdentity(f.get(3));
            switch (f.get(12)) {
                case "Connect" -> {
                    if (f.get(13).equals("0")) {
                        open.merge(user, 1, Integer::sum);
                    } else {
                        assertThat(open.getOrDefault(user, 0)).as(line).isEqualTo(8);
                        checked++;
                    }
                }
                case "Disconnect" -> open.merge(user, -1, Integer::sum);
                default -> { }
            }
            assertThat(open.getOrDefault(user, 0)).isBetween(0, 8);
        }
        assertThat(checked).isEqualTo(r.rejected()).isPositive();
    }

    @Test
    void addressesFollowTheDevice() throws Exception {
        MemoryOutput out = new MemoryOutput();
        Scenario s = scenario("2h");
        EvidenceEmitter.emit(s, out);
        Map<String, String> population = new HashMap<>();
        EvidenceEmitter.injectedCausesByUser(s); // keys exist for every user
        UserDirectory dir = UserDirectory.of(s);
        int u = 0;
        for (var p : s.populations()) {
            for (int i = 0; i < p.users(); i++) {
                population.put(dir.userKey(u++), p.name());
            }
        }
        Map<String, Set<String>> ipsByPopulation = new HashMap<>();
        Map<String, Set<String>> ipsByUser = new HashMap<>();
        long laptopStarts = 0;
        for (String line : rcaLines(out)) {
            List<String> f = csv(line);
            String user = UserKeys.fromIdentity(f.get(3));
            ipsByPopulation.computeIfAbsent(population.get(user), k -> new HashSet<>()).add(f.get(8));
            ipsByUser.computeIfAbsent(user, k -> new HashSet<>()).add(f.get(8));
            if (population.get(user).equals("laptops") && f.get(12).equals("Connect") && f.get(2).equals("0")) {
                laptopStarts++;
            }
        }
        assertThat(ipsByPopulation.get("branch")).hasSize(1);
        ipsByUser.forEach((user, ips) -> {
            if (population.get(user).equals("office")) {
                assertThat(ips).hasSize(1);
            }
        });
        // two sessions per start share the address; each start draws a fresh one (collisions are rare in a /16)
        assertThat(ipsByPopulation.get("laptops").size()).isGreaterThan((int) (laptopStarts / 2 * 0.9));
        assertThat(ipsByPopulation.get("laptops")).allMatch(ip -> ip.startsWith("10.200."));
    }

    @Test
    void eventXmlParsesSecurelyAndCarriesTheThreeInsertionStrings() throws Exception {
        MemoryOutput out = new MemoryOutput();
        SimulationResult r = EvidenceEmitter.emit(scenario("2h"), out);
        String xml = out.text(EventLogXml.PATH);
        assertThat(xml).doesNotStartWith("<?xml").startsWith("<Event xmlns=");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader("<Events>" + xml + "</Events>")));
        NodeList events = doc.getDocumentElement().getElementsByTagNameNS("*", "Event");
        assertThat((long) events.getLength()).isEqualTo(r.events9646());
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
            assertThat(recordId).isEqualTo(previousId == 0 ? EvidenceEmitter.FIRST_RECORD_ID : previousId + 1);
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
                    .isEqualTo("Mapi session \"" + dn + "\" exceeded the maximum of 8 objects of type \"session\".");
        }
    }

    @Test
    void registryShowsOnlyWhatDiffersFromAStockServer() throws Exception {
        MemoryOutput stock = new MemoryOutput();
        EvidenceEmitter.emit(ScenarioParser.parse("""
                {"duration": "1h", "populations": [{"name": "a", "users": 1, "startsPerHour": 1,
                  "holding": {"mean": "1h"}}]}"""), stock);
        String tcpip = stock.text(RegistryExport.TCPIP_PATH);
        assertThat(stock.charsets.get(RegistryExport.TCPIP_PATH)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(tcpip).startsWith("\uFEFFWindows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n");
        assertThat(tcpip).contains("\"Hostname\"=\"EX01\"").doesNotContain("KeepAlive");
        assertThat(stock.files).doesNotContainKey(RegistryExport.STORE_PATH).doesNotContainKey(EventLogXml.PATH);

        MemoryOutput tuned = new MemoryOutput();
        EvidenceEmitter.emit(scenario("5m"), tuned);
        assertThat(tuned.text(RegistryExport.TCPIP_PATH)).contains("\"KeepAliveTime\"=dword:000493e0\r\n")
                .doesNotContain("KeepAliveInterval");
        assertThat(tuned.text(RegistryExport.STORE_PATH)).contains(
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]\r\n"
                        + "\"Maximum Allowed Sessions Per User\"=dword:00000008\r\n");
    }

    @Test
    void serviceAccountsLogOnToTheMailboxesTheyServe() throws Exception {
        MemoryOutput out = new MemoryOutput();
        EvidenceEmitter.emit(scenario("2h"), out);
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
        Map<String, Set<InjectedCause>> causes = EvidenceEmitter.injectedCausesByUser(scenario("2h"));
        assertThat(causes).hasSize(14);
        assertThat(causes.get("svc-bes")).containsExactly(InjectedCause.SERVICE_ACCOUNT_NEED);
        assertThat(causes.values()).contains(Set.of(InjectedCause.DEAD_CLIENT_SESSIONS),
                Set.of(InjectedCause.MIDDLEBOX_HOLDING), Set.of());
        assertThat(InjectedCause.ofServer(scenario("2h"))).containsExactly(InjectedCause.KEEPALIVE_TOO_LONG);
        assertThat(InjectedCause.ofServer(scenario("20m"))).isEmpty();
    }

    private static Element first(Element e, String name) {
        return (Element) e.getElementsByTagNameNS("*", name).item(0);
    }

    /** RFC 4180 fields of one line. */
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
