package org.mapiscope.sim.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioException;
import org.mapiscope.sim.scenario.ScenarioParser;
import org.mapiscope.sim.scenario.Server;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The emitted evidence reads the way Exchange writes it (docs/domain.md, "RCA logs"): refused
 * clients retry, other failures are mixed in, restarts drop sessions silently, the 2013+ shape, and
 * overlapping event exports.
 */
class EvidenceRealismTest {

  /**
   * Limit-bound VPN laptops beside healthy desktops (whose connects sometimes fail for other
   * reasons).
   */
  private static final String MIXED =
      """
      {"duration": "3d", "seed": 21, "server": {"sessionLimit": 6 %s},
       "populations": [
         {"name": "laptops", "users": 3, "startsPerHour": 1.5, "sessionsPerStart": 2,
          "holding": {"dist": "lognormal", "mean": "1h"}, "abandonProbability": 0.6},
         {"name": "office", "users": 8, "startsPerHour": 0.2, "sessionsPerStart": 2,
          "holding": {"dist": "lognormal", "mean": "4h", "sigma": 0.5}}] %s}\
      """;

  private static Scenario mixed(String serverKeys, String topKeys) throws ScenarioException {
    return ScenarioParser.parse(MIXED.formatted(serverKeys, topKeys));
  }

  /** Drives a recorder by hand: one user, limit 2. */
  private static final class Recording {
    final MemoryOutput out = new MemoryOutput();
    final EvidenceRecorder recorder;
    private final RcaLog rca;
    private final EventLogXml events;

    Recording() throws ScenarioException {
      Scenario s =
          ScenarioParser.parse(
              """
              {"duration": "1h", "server": {"sessionLimit": 2}, "populations": [{"name": "a", "users": 1,
                "startsPerHour": 1, "holding": {"mean": "1h"}, "device": "desktop"}]}\
              """);
      rca = new RcaLog(out, s.server());
      events = new EventLogXml(out, "EX01.contoso.com", 1, s.seed(), null, null);
      recorder =
          new EvidenceRecorder(
              s,
              UserDirectory.of(s),
              EvidenceRecorder.populationOfUsers(s.populations()),
              rca,
              events);
    }

    RcaRows finish(long ms) throws Exception {
      recorder.finish(ms);
      rca.close();
      events.close();
      return RcaRows.of(out);
    }
  }

  @Test
  void aRefusedClientRetriesAboutEveryMinuteAFewTimesWhileTheUserStaysAtTheLimit()
      throws Exception {
    Recording rec = new Recording();
    rec.recorder.clientStarted(0, 0, 1, 2, 0, 3_600_000, false);
    rec.recorder.clientStarted(10_000, 0, 3, 0, 1, 10_000, false);
    RcaRows rows = rec.finish(3_600_000);

    List<RcaRows.Row> refused = rows.rows.stream().filter(RcaRows.Row::refused).toList();
    assertThat(refused)
        .hasSizeBetween(1 + EvidenceRecorder.MIN_RETRIES, 1 + EvidenceRecorder.MAX_RETRIES);
    assertThat(refused.get(0).get("date-time")).isEqualTo("2026-11-02T00:00:10.000Z");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < refused.size(); i++) {
      RcaRows.Row row = refused.get(i);
      assertThat(row.get("client-ip")).isEqualTo(refused.get(0).get("client-ip"));
      assertThat(row.get("seq-number")).isEqualTo("0");
      assertThat(ids.add(row.get("session-id"))).as("each attempt is a new connection").isTrue();
      if (i > 0) {
        long gap =
            Instant.parse(row.get("date-time")).toEpochMilli()
                - Instant.parse(refused.get(i - 1).get("date-time")).toEpochMilli();
        assertThat(gap)
            .isBetween(
                EvidenceRecorder.RETRY_INTERVAL_MS - EvidenceRecorder.RETRY_JITTER_MS,
                EvidenceRecorder.RETRY_INTERVAL_MS + EvidenceRecorder.RETRY_JITTER_MS);
      }
    }
    assertThat(eventCount(rec.out.text(EventLogXml.PATH)))
        .as("one 9646 per refused attempt")
        .isEqualTo(refused.size());
  }

  @Test
  void retriesStopOnceTheUserIsBelowTheLimit() throws Exception {
    Recording rec = new Recording();
    rec.recorder.clientStarted(0, 0, 1, 2, 0, 90_000, false);
    rec.recorder.clientStarted(10_000, 0, 3, 0, 1, 10_000, false);
    rec.recorder.clientEnded(90_000, 0, 1, 2, false);
    RcaRows rows = rec.finish(3_600_000);

    List<String> times =
        rows.rows.stream().filter(RcaRows.Row::refused).map(r -> r.get("date-time")).toList();
    assertThat(times).hasSize(2).allMatch(t -> t.compareTo("2026-11-02T00:01:30.000Z") < 0);
  }

  @Test
  void otherFailuresAreMixedInAndAreNoRefusals() throws Exception {
    Scenario s = mixed("", "");
    MemoryOutput out = new MemoryOutput();
    SimulationResult r = EvidenceEmitter.emit(s, out);
    Map<String, String> population = EvidenceEmitterTest.populationByUser(s);
    RcaRows rows = RcaRows.of(out);

    long loginPerm = 0;
    Set<String> authFailed = new HashSet<>();
    for (RcaRows.Row row : rows.rows) {
      if (row.ok() || row.refused()) {
        continue;
      }
      assertThat(row.op()).isEqualTo("Connect");
      assertThat(row.get("failures")).doesNotContainIgnoringCase("limit");
      if (row.get("rpc-status").equals(RcaLog.LOGIN_PERM_STATUS)) {
        loginPerm++;
        // logged under the mailbox the user tried to open, as Exchange does
        assertThat(row.get("failures"))
            .contains(
                "can't act as owner of a UserMailbox object '" + row.get("client-name") + "'");
      } else {
        assertThat(row.get("rpc-status")).isEqualTo(RcaLog.LOGIN_FAILURE_STATUS);
        authFailed.add(row.user());
      }
    }
    assertThat(loginPerm).isPositive();
    assertThat(authFailed).isNotEmpty().allMatch(u -> population.get(u).equals("office"));
    long refused = rows.rows.stream().filter(RcaRows.Row::refused).count();
    assertThat(r.rejected()).isPositive();
    assertThat(eventCount(out.text(EventLogXml.PATH)))
        .as("no 9646 for other failures")
        .isEqualTo(refused);
  }

  @Test
  void aRestartDropsEverySessionSilentlyAndTheLogStartsAgainAfterAGap() throws Exception {
    Scenario s = mixed(", \"restarts\": [\"30.5h\"]", "");
    MemoryOutput out = new MemoryOutput();
    SimulationResult r = EvidenceEmitter.emit(s, out);
    assertThat(r).isEqualTo(Simulator.run(s));
    RcaRows rows = RcaRows.of(out);

    assertThat(rows.restarts)
        .containsExactly(
            new RcaRows.Restart("rca/RCA_20261103-1.LOG", "2026-11-03T06:32:00.000Z", 1));
    Instant down = Instant.parse("2026-11-03T06:30:00Z");
    Instant back = down.plusMillis(Server.RESTART_DOWNTIME_MS);
    Map<String, Integer> openConnects = new HashMap<>();
    long firstIdAfter = -1;
    for (RcaRows.Row row : rows.rows) {
      Instant t = Instant.parse(row.get("date-time"));
      long id = Long.parseLong(row.get("session-id"));
      if (row.epoch() == 0) {
        assertThat(t).isBefore(down);
        assertThat(id).isGreaterThanOrEqualTo(EvidenceRecorder.FIRST_SESSION_ID_MIN);
      } else {
        assertThat(t).isAfterOrEqualTo(back);
        firstIdAfter = firstIdAfter < 0 ? id : firstIdAfter;
      }
      if (row.ok() && row.op().equals("Connect")) {
        openConnects.merge(row.session(), 1, Integer::sum);
      } else if (row.op().equals("Disconnect") || row.op().equals("NetworkRundown")) {
        assertThat(openConnects.remove(row.session()))
            .as("ends a session of its own epoch")
            .isNotNull();
      }
    }
    assertThat(firstIdAfter).as("session ids start again").isEqualTo(1);
    long openAtRestart = openConnects.keySet().stream().filter(k -> k.startsWith("0/")).count();
    long openAtEnd = openConnects.keySet().stream().filter(k -> k.startsWith("1/")).count();
    assertThat(openAtRestart).as("sessions the restart dropped without a row").isPositive();
    assertThat(openAtEnd).isEqualTo(r.sessionsOpenAtEnd());
    // the engine dropped them too: without the restart the server holds more sessions on average
    assertThat(r.meanConcurrentSessions())
        .isLessThan(Simulator.run(mixed("", "")).meanConcurrentSessions());
  }

  @Test
  void exchange2013WritesHourlyFilesWith23FieldsHexNamesAndMapiHttp() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            """
            {"duration": "6h", "seed": 3, "server": {"exchangeVersion": "2013", "sessionLimit": 6},
             "populations": [
               {"name": "laptops", "users": 4, "startsPerHour": 1.5, "sessionsPerStart": 2,
                "holding": {"dist": "lognormal", "mean": "1h"}, "abandonProbability": 0.5},
               {"name": "office", "users": 4, "startsPerHour": 0.5, "holding": {"mean": "2h"}},
               {"name": "bes", "kind": "serviceAccount", "mailboxes": 5, "users": 1, "startsPerHour": 1,
                "sessionsPerStart": 2, "holding": {"mean": "1h"}}]}\
            """);
    MemoryOutput out = new MemoryOutput();
    EvidenceEmitter.emit(s, out);
    List<String> logs = out.files.keySet().stream().filter(p -> p.startsWith("rca/")).toList();
    assertThat(logs)
        .hasSizeBetween(5, 6)
        .allMatch(p -> p.matches("rca/RCA_20261102\\d\\d-1\\.LOG"));
    for (String path : logs) {
      String[] lines = out.text(path).split("\r\n");
      assertThat(lines[0]).isEqualTo("#Software: Microsoft Exchange");
      assertThat(lines[1]).startsWith("#Version: 15.00.");
      assertThat(lines[2]).isEqualTo("#Log-type: RCA Protocol Logs");
      assertThat(lines[4])
          .isEqualTo(
              "#Fields: date-time,session-id,seq-number,client-name,organization-info,"
                  + "client-software,client-software-version,client-mode,client-ip,client-connection-info,server-ip,"
                  + "protocol,application-id,request-ids,session-cookie,operation,rpc-status,processing-time,"
                  + "operation-specific,failures,performance-data,activity-context-data,user-email");
    }
    RcaRows rows = RcaRows.of(out); // every row has the header's 23 fields, or this throws
    Set<String> protocols = new HashSet<>();
    Pattern hexName = Pattern.compile(".*/cn=Recipients/cn=([0-9a-f]{32})-([a-z][a-z0-9-]*)");
    for (RcaRows.Row row : rows.rows) {
      Matcher m = hexName.matcher(row.get("client-name"));
      assertThat(m.matches()).as(row.line()).isTrue();
      assertThat(row.user()).isEqualTo(m.group(2));
      assertThat(row.get("user-email")).endsWith("@contoso.com");
      assertThat(row.get("processing-time")).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
      String protocol = row.get("protocol");
      protocols.add(protocol);
      if (row.op().equals("Connect")) {
        assertThat(row.get("client-ip")).isNotEmpty();
        assertThat(row.get("server-ip"))
            .isEqualTo(protocol.equals("MapiHttp") ? "::1" : "10.0.0.10");
        assertThat(row.get("client-connection-info"))
            .matches(
                protocol.equals("MapiHttp")
                    ? "Connection Info\\[GUID:[-0-9a-f]{36}, Attempts:\\d+, Flags:0, Ctx:]"
                    : "");
      } else {
        assertThat(
                List.of(
                    row.get("client-ip"), row.get("server-ip"), row.get("client-connection-info")))
            .as(row.line())
            .containsOnly("");
      }
      if (protocol.equals("MapiHttp")) {
        assertThat(row.get("request-ids"))
            .matches("R:\\{[-0-9A-F]{36}}:\\d+\\|A:[-0-9a-f]{36}\\|FE:EX01.contoso.com");
      }
      if (row.op().equals("Disconnect") || row.op().equals("NetworkRundown")) {
        assertThat(row.get("performance-data")).startsWith("ClientRPCCount=");
      }
    }
    assertThat(protocols).containsExactlyInAnyOrder("MapiHttp", "ncacn_http");
    for (String dn : eventDns(out.text(EventLogXml.PATH))) {
      assertThat(hexName.matcher(dn).matches()).as(dn).isTrue();
    }
  }

  @Test
  void anOverlappingExportRepeatsEventsWithTheirRecordIdsAndComputer() throws Exception {
    Scenario s = mixed("", ", \"evidence\": {\"overlappingEventExport\": true}");
    MemoryOutput out = new MemoryOutput();
    EvidenceEmitter.emit(s, out);
    Instant from = s.start().plusMillis(s.durationMs() / 3);
    Instant to = s.start().plusMillis(s.durationMs() / 3 * 2);
    String second = EventLogXml.overlapPath(to);
    assertThat(out.files.keySet().stream().filter(p -> p.startsWith("eventlog/")))
        .containsExactlyInAnyOrder(EventLogXml.PATH, second);

    List<String> all = List.of(out.text(EventLogXml.PATH).split("\r\n"));
    List<String> window = new ArrayList<>();
    for (String event : all) {
      Instant t = Instant.parse(between(event, "SystemTime='", "'"));
      if (!t.isBefore(from) && t.isBefore(to)) {
        window.add(event);
      }
    }
    List<String> repeated = List.of(out.text(second).split("\r\n"));
    assertThat(repeated).isNotEmpty().hasSizeLessThan(all.size()).isEqualTo(window);
    assertThat(repeated)
        .allMatch(
            e ->
                e.contains("<Computer>EX01.contoso.com</Computer>")
                    && e.contains("<EventRecordID>"));
    assertThat(eventCount(out.text(second)))
        .isEqualTo(repeated.size()); // well-formed, parses securely

    MemoryOutput plain = new MemoryOutput();
    EvidenceEmitter.emit(mixed("", ""), plain);
    assertThat(plain.files.keySet().stream().filter(p -> p.startsWith("eventlog/")))
        .containsExactly(EventLogXml.PATH);
    assertThat(plain.text(EventLogXml.PATH)).isEqualTo(out.text(EventLogXml.PATH));
  }

  @Test
  void everyOptionTogetherIsRepeatableAndLeavesTheRunAlone() throws Exception {
    String server = ", \"exchangeVersion\": 2013, \"restarts\": [\"30.5h\"]";
    String top = ", \"evidence\": {\"overlappingEventExport\": true}";
    MemoryOutput a = new MemoryOutput();
    MemoryOutput b = new MemoryOutput();
    SimulationResult ra = EvidenceEmitter.emit(mixed(server, top), a);
    EvidenceEmitter.emit(mixed(server, top), b);
    assertThat(ra).isEqualTo(Simulator.run(mixed(server, top)));
    assertThat(a.files.keySet()).isEqualTo(b.files.keySet()).hasSizeGreaterThan(70); // hourly files
    a.files.forEach((path, text) -> assertThat(text.toString()).as(path).isEqualTo(b.text(path)));
  }

  @Test
  void theNewScenarioKeysAreOptionalAndChecked() throws Exception {
    Scenario plain = mixed("", "");
    assertThat(plain.server().exchangeVersion()).isEqualTo(2010);
    assertThat(plain.server().restartsMs()).isEmpty();
    assertThat(plain.evidence().overlappingEventExport()).isFalse();
    Scenario set = mixed(", \"exchangeVersion\": 2016, \"restarts\": [\"2d\", \"12h\"]", "");
    assertThat(set.server().exchangeVersion()).isEqualTo(2016);
    assertThat(set.server().restartsMs()).containsExactly(12 * 3_600_000L, 48 * 3_600_000L);

    assertThatThrownBy(
            () ->
                mixed(
                    ", \"exchangeVersion\": \"2012\", \"restarts\": [\"1h\", \"4d\", \"1h\", 5]",
                    ", \"evidence\": {\"overlapping\": true}"))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "server.exchangeVersion: expected one of [2010, 2013, 2016, 2019], got"
                            + " \"2012\"",
                        "server.restarts[1]: must fall inside the run (above 0 and below 3d), got"
                            + " 4d",
                        "server.restarts[2]: duplicate restart at 1h",
                        "evidence.overlapping: unknown key"));
  }

  private static String between(String s, String open, String close) {
    int a = s.indexOf(open) + open.length();
    return s.substring(a, s.indexOf(close, a));
  }

  private static List<String> eventDns(String xml) throws Exception {
    NodeList events = parse(xml);
    List<String> dns = new ArrayList<>();
    for (int i = 0; i < events.getLength(); i++) {
      dns.add(
          ((Element) events.item(i)).getElementsByTagNameNS("*", "Data").item(0).getTextContent());
    }
    return dns;
  }

  private static int eventCount(String xml) throws Exception {
    return parse(xml).getLength();
  }

  private static NodeList parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new InputSource(new StringReader("<Events>" + xml + "</Events>")))
        .getDocumentElement()
        .getElementsByTagNameNS("*", "Event");
  }
}
