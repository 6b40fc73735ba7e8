package org.mapiscope.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.Fixtures;
import org.mapiscope.report.scripts.ScriptSet;

class AnalyzeJsonTest {

  static String json(AnalyzeReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnalyzeJson.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode tree(AnalyzeReport report) throws IOException {
    return new ObjectMapper().readTree(json(report));
  }

  @Test
  void writesTheContractSections() throws IOException {
    JsonNode root = tree(Fixtures.report());
    assertThat(root.path("tool").path("name").asText()).isEqualTo("mapiscope");
    assertThat(root.path("tool").path("version").asText()).isEqualTo("0.1.0");
    assertThat(root.path("limitEvents").path("total").asLong()).isEqualTo(57);
    assertThat(root.path("limitEvents").path("byObjectType").path("session").asLong())
        .isEqualTo(52);
    JsonNode jdoe = root.path("limitEvents").path("byUser").get(0);
    assertThat(jdoe.path("user").asText()).isEqualTo("jdoe");
    assertThat(jdoe.path("dn").asText()).endsWith("cn=jdoe");
    assertThat(jdoe.path("first").asText()).isEqualTo("2026-11-02T08:15:00Z");
    assertThat(root.path("limitEvents").path("byUser").get(2).path("dn").isNull()).isTrue();
    JsonNode session = root.path("sessions").path("byUser").get(0);
    assertThat(session.path("peakActive").asInt()).isEqualTo(6);
    assertThat(session.path("clients").get(0).path("ip").asText()).isEqualTo("10.8.0.17");
    assertThat(session.path("timeline").size()).isGreaterThan(3);
    JsonNode finding = root.path("findings").get(0);
    assertThat(finding.path("scope").asText()).isEqualTo("user");
    assertThat(finding.path("cause").asText()).isEqualTo("DEAD_CLIENT_SESSIONS");
    assertThat(finding.path("evidence").get(0).path("where").asText()).isEqualTo("line 4711");
    assertThat(root.path("recommendations").path("keepAliveTimeMs").asLong()).isEqualTo(1_800_000L);
    assertThat(root.path("recommendations").path("sessionLimit").isArray()).isTrue();
  }

  @Test
  void writesRegistryNumbersAsJsonNumbers() throws IOException {
    JsonNode settings = tree(Fixtures.report()).path("settings");
    JsonNode keepAlive = null;
    for (JsonNode s : settings) {
      if (s.path("name").asText().equals("KeepAliveTime")) {
        keepAlive = s;
      }
    }
    assertThat(keepAlive).isNotNull();
    assertThat(keepAlive.path("value").isNumber()).isTrue();
    assertThat(keepAlive.path("value").asLong()).isEqualTo(7_200_000L);
    assertThat(keepAlive.path("source").asText()).isEqualTo("default");
    assertThat(keepAlive.path("inEvidence").asBoolean(true)).isFalse();
  }

  @Test
  void aSettingNotSetWithoutADefaultIsNullNotText() throws IOException {
    JsonNode retransmissions = null;
    for (JsonNode s : tree(Fixtures.cutClientListReport()).path("settings")) {
      if (s.path("name").asText().equals("TcpMaxDataRetransmissions")) {
        retransmissions = s;
      }
    }
    assertThat(retransmissions).isNotNull();
    assertThat(retransmissions.has("value")).isTrue();
    assertThat(retransmissions.path("value").isNull()).isTrue();
    assertThat(retransmissions.path("inEvidence").asBoolean()).isTrue();
  }

  @Test
  void aCutClientListKeepsExactTotalsAndSaysWhatItLeftOut() throws IOException {
    JsonNode roamer = null;
    for (JsonNode u : tree(Fixtures.cutClientListReport()).path("sessions").path("byUser")) {
      if (u.path("user").asText().equals("roamer")) {
        roamer = u;
      }
    }
    assertThat(roamer).isNotNull();
    assertThat(roamer.path("clients").size()).isEqualTo(16);
    assertThat(roamer.path("clientsTotal").asInt()).isEqualTo(35);
    assertThat(roamer.path("sessionsTotal").asLong()).isEqualTo(140);
    assertThat(roamer.path("clientsOmitted").path("clients").asInt()).isEqualTo(19);
    assertThat(roamer.path("clientsOmitted").path("sessions").asLong()).isEqualTo(76);
    JsonNode jdoe = tree(Fixtures.report()).path("sessions").path("byUser").get(0);
    assertThat(jdoe.path("clientsTotal").asInt()).isEqualTo(2);
    assertThat(jdoe.path("sessionsTotal").asLong()).isEqualTo(38);
    assertThat(jdoe.path("clientsOmitted").path("clients").asInt(-1)).isZero();
  }

  @Test
  void carriesTheExchangeVersionAndRefusedConnects() throws IOException {
    JsonNode root = tree(Fixtures.report());
    assertThat(root.path("exchange").path("version").asText()).isEqualTo("2010");
    assertThat(root.path("exchange").path("basis").asText()).isEqualTo(Fixtures.EXCHANGE.basis());
    assertThat(root.path("sessions").path("byUser").get(0).path("rejected").asLong()).isEqualTo(40);
    assertThat(root.path("sessions").path("byUser").get(1).path("rejected").asLong()).isEqualTo(12);
    // A result built without a verdict has no exchange block, and users without refusals say 0.
    JsonNode fleet =
        tree(
            new AnalyzeReport("0.1.0", List.of(), Fixtures.fleet(2), ZoneId.of("UTC"), null, null));
    assertThat(fleet.has("exchange")).isFalse();
    assertThat(fleet.path("sessions").path("byUser").get(0).path("rejected").asLong()).isZero();
  }

  @Test
  void findingsCarryTheirTypedFacts() throws IOException {
    JsonNode findings = tree(Fixtures.report()).path("findings");
    JsonNode jdoe = findings.get(0).path("facts");
    assertThat(jdoe.path("kind").asText()).isEqualTo("DeadClients");
    assertThat(jdoe.path("leftBehind").asInt()).isEqualTo(26);
    assertThat(jdoe.path("runDown").asLong()).isEqualTo(20);
    assertThat(jdoe.path("openAtRefusal").asInt()).isEqualTo(32);
    assertThat(jdoe.path("keepAliveTimeMs").asLong()).isEqualTo(7_200_000L);
    assertThat(findings.get(1).has("facts")).as("a finding without facts writes none").isFalse();
  }

  @Test
  void fractionalSecondsOnlyWhenNonZero() throws IOException {
    JsonNode bes = tree(Fixtures.report()).path("limitEvents").path("byUser").get(1);
    assertThat(bes.path("first").asText()).isEqualTo("2026-11-02T09:00:00Z");
    assertThat(bes.path("last").asText()).isEqualTo("2026-11-02T10:00:00.250Z");
  }

  @Test
  void remediesNameTheirScriptsAndManualStepsHaveNone() throws IOException {
    JsonNode remedies = tree(Fixtures.report()).path("findings").get(0).path("remedies");
    assertThat(remedies.get(0).has("script")).isFalse();
    assertThat(remedies.get(1).path("script").asText()).isEqualTo("02-keepalive-ex1.reg");
    assertThat(remedies.get(1).path("rollback").asText())
        .isEqualTo("02-keepalive-ex1-rollback.reg");
  }

  @Test
  void withoutScriptsNoScriptFieldsAppear() throws IOException {
    AnalyzeReport r = Fixtures.report();
    AnalyzeReport bare =
        new AnalyzeReport(
            r.toolVersion(), r.inputs(), r.result(), ZoneId.of("UTC"), null, ScriptSet.empty());
    String text = json(bare);
    assertThat(text).doesNotContain("\"script\"").doesNotContain("\"scripts\"");
  }

  @Test
  void outputDoesNotDependOnInputOrder() throws IOException {
    AnalyzeReport r = Fixtures.report();
    List<InputSummary> shuffled = new ArrayList<>(r.inputs());
    Collections.reverse(shuffled);
    AnalyzeReport other =
        new AnalyzeReport(
            r.toolVersion(), shuffled, r.result(), r.timezone(), r.histogram(), r.scripts());
    assertThat(json(other)).isEqualTo(json(r));
    assertThat(tree(r).path("inputs").get(0).path("path").asText()).isEqualTo("Application.evtx");
  }

  @Test
  void evidenceTextRoundTripsExactly() throws IOException {
    JsonNode errors = tree(Fixtures.report()).path("inputs").get(1).path("errors");
    assertThat(errors.get(1).path("message").asText()).contains(Fixtures.HOSTILE);
  }

  @Test
  void leavesTheCallersStreamOpen() throws IOException {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            throw new AssertionError("closed the caller's stream");
          }
        };
    AnalyzeJson.write(Fixtures.report(), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("}\n");
  }
}
