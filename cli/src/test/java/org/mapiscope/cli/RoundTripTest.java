package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapiscope.model.Cause;
import org.mapiscope.sim.evidence.EvidenceEmitter;
import org.mapiscope.sim.scenario.InjectedCauses;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioException;
import org.mapiscope.sim.scenario.ScenarioParser;

/**
 * Emitted evidence round-trips through {@code analyze}: for each scenario, the causes its
 * populations inject (per user, and on the server) are exactly the causes the diagnosis finds, and
 * the healthy population gets no finding.
 */
class RoundTripTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dead-client-sessions",
        "keepalive-too-long",
        "session-hungry-client",
        "middlebox-holding",
        "service-account-need",
        "limit-below-need",
        "object-leak",
        "mixed",
        "clean",
        "short-keepalive"
      })
  void theDiagnosisFindsExactlyTheInjectedCauses(String name) throws Exception {
    RoundTrip trip = RoundTrip.of(name, dir);

    Map<String, Set<String>> expected = new TreeMap<>();
    trip.injected()
        .forEach(
            (user, causes) ->
                expected.put(
                    user,
                    causes.stream()
                        .map(Enum::name)
                        .collect(Collectors.toCollection(TreeSet::new))));
    Map<String, Set<String>> found = new TreeMap<>();
    expected.keySet().forEach(user -> found.put(user, new TreeSet<>()));
    Set<String> serverCauses = new TreeSet<>();
    for (JsonNode f : trip.analysis().at("/findings")) {
      if ("server".equals(f.at("/scope").asText())) {
        assertThat(f.at("/subject").asText()).as("server finding subject").isEqualTo("ex01");
        serverCauses.add(f.at("/cause").asText());
      } else {
        found
            .computeIfAbsent(f.at("/subject").asText(), k -> new TreeSet<>())
            .add(f.at("/cause").asText());
      }
    }

    assertThat(found).as(trip.describe()).isEqualTo(expected);
    assertThat(serverCauses)
        .as(trip.describe())
        .isEqualTo(
            InjectedCauses.ofServer(trip.scenario()).stream()
                .map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void aPowerUserGetsARaisedLimitAboveTheCurrentOne() throws Exception {
    RoundTrip trip = RoundTrip.of("limit-below-need", dir);
    String power = trip.usersInjectedWith(Cause.LIMIT_BELOW_NEED).iterator().next();

    JsonNode raise = null;
    for (JsonNode r : trip.analysis().at("/recommendations/sessionLimit")) {
      if (power.equals(r.at("/subject").asText())) {
        raise = r;
      }
    }

    assertThat(raise).as(trip.describe()).isNotNull();
    assertThat(raise.at("/recommended").asInt()).isGreaterThan(raise.at("/current").asInt());
    assertThat(trip.analysis().at("/recommendations/sessionLimit")).hasSize(1);
  }

  @Test
  void leakedObjectsAreReportedWithTheirTypeAndDefaultCap() throws Exception {
    RoundTrip trip = RoundTrip.of("object-leak", dir);

    JsonNode byType = trip.analysis().at("/limitEvents/byObjectType");
    assertThat(byType.at("/objtFolder").asLong()).as(trip.describe()).isPositive();
    assertThat(byType.has("session")).isFalse();
    for (JsonNode u : trip.analysis().at("/limitEvents/byUser")) {
      assertThat(u.at("/limit").asInt()).isEqualTo(500);
    }
  }

  @Test
  void evidenceAnalysedWhereNoFolderNamesTheServerIsStillOneServer() throws Exception {
    // The RCA logs name only the server's address (server-ip 10.0.0.10); the event log and the .reg
    // name EX01.
    RoundTrip named = RoundTrip.of("short-keepalive", dir);
    CliRun direct = CliRun.of("analyze", dir.resolve("EX01").toString(), "--json", "-", "-q");
    assertThat(direct.exitCode()).as(direct.toString()).isZero();
    JsonNode analysis = direct.outJson();

    Set<String> servers = new TreeSet<>();
    analysis.at("/settings").forEach(s -> servers.add(s.at("/server").asText()));
    analysis
        .at("/limitEvents/byUser")
        .forEach(u -> u.at("/servers").forEach(s -> servers.add(s.asText())));
    analysis
        .at("/findings")
        .forEach(
            f -> {
              if ("server".equals(f.at("/scope").asText())) {
                servers.add(f.at("/subject").asText());
              }
            });
    assertThat(servers).containsExactly("ex01");
    JsonNode keepAlive = null;
    for (JsonNode s : analysis.at("/settings")) {
      if ("KeepAliveTime".equals(s.at("/name").asText())) {
        keepAlive = s;
      }
    }
    assertThat(keepAlive).isNotNull();
    assertThat(keepAlive.at("/value").asLong()).isEqualTo(300_000L);
    assertThat(keepAlive.at("/source").asText()).contains("tcpip.reg");
    // Judged with the 5 min read from the .reg, not the 2 h default: no finding for the desktops.
    assertThat(findings(analysis).keySet())
        .as(named.describe())
        .isSubsetOf(named.usersInjectedWith(Cause.DEAD_CLIENT_SESSIONS));
    assertThat(findings(analysis)).isEqualTo(findings(named.analysis()));
  }

  /** subject → causes found. */
  private static Map<String, Set<String>> findings(JsonNode analysis) {
    Map<String, Set<String>> out = new TreeMap<>();
    analysis
        .at("/findings")
        .forEach(
            f ->
                out.computeIfAbsent(f.at("/subject").asText(), k -> new TreeSet<>())
                    .add(f.at("/cause").asText()));
    return out;
  }

  /**
   * One scenario emitted into {@code <dir>/EX01} and analysed at {@code <dir>}, so the folder names
   * the server.
   */
  record RoundTrip(
      String name, Scenario scenario, Map<String, Set<Cause>> injected, JsonNode analysis) {

    static RoundTrip of(String name, Path dir) throws IOException, ScenarioException {
      Path file = resource(name);
      Scenario scenario = ScenarioParser.parse(Files.readString(file));
      Path evidence = dir.resolve("EX01");
      CliRun sim =
          CliRun.of("simulate", file.toString(), "--emit-evidence", evidence.toString(), "-q");
      assertThat(sim.exitCode()).as(sim.toString()).isZero();
      CliRun analyze = CliRun.of("analyze", dir.toString(), "--json", "-", "-q");
      assertThat(analyze.exitCode()).as(analyze.toString()).isZero();
      return new RoundTrip(
          name, scenario, EvidenceEmitter.injectedCausesByUser(scenario), analyze.outJson());
    }

    static Path resource(String name) {
      return CliRun.repo().resolve("cli/src/test/resources/roundtrip/" + name + ".json");
    }

    Set<String> usersInjectedWith(Cause cause) {
      return injected.entrySet().stream()
          .filter(e -> e.getValue().contains(cause))
          .map(Map.Entry::getKey)
          .collect(Collectors.toCollection(TreeSet::new));
    }

    String describe() {
      StringBuilder s = new StringBuilder(name).append(": findings\n");
      analysis
          .at("/findings")
          .forEach(
              f ->
                  s.append("  ")
                      .append(f.at("/subject").asText())
                      .append(' ')
                      .append(f.at("/cause").asText())
                      .append(' ')
                      .append(f.at("/confidence").asDouble())
                      .append(": ")
                      .append(f.at("/summary").asText())
                      .append('\n'));
      analysis.at("/sessions/byUser").forEach(u -> s.append("  ").append(u).append('\n'));
      return s.toString();
    }
  }
}
