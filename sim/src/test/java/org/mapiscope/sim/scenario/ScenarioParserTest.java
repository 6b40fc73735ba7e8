package org.mapiscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.ExchangeDefaults;

class ScenarioParserTest {

  private static final String MINIMAL =
      """
      {"duration": "7d", "populations": [{"name": "staff", "users": 10, "startsPerHour": 0.5,
        "holding": {"mean": "45m"}}]}\
      """;

  @Test
  void designExampleParses() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            """
            { "duration": "7d", "seed": 1, "server": {"sessionLimit": 32, "keepAliveTime": "2h",
              "keepAliveInterval": "1s", "keepAliveProbes": 10},
              "populations": [{ "name": "laptops", "users": 200,
                 "startsPerHour": 0.5, "sessionsPerStart": 4,
                 "holding": {"dist": "lognormal", "mean": "45m", "sigma": 1.0},
                 "abandonProbability": 0.3, "behindMiddlebox": false }] }\
            """);
    assertThat(s.durationMs()).isEqualTo(7 * 86_400_000L);
    Population p = s.populations().get(0);
    assertThat(p.holding())
        .isEqualTo(new HoldingTime(HoldingTime.Dist.LOGNORMAL, 45 * 60_000L, 1.0));
    assertThat(p.sessionsPerStart()).isEqualTo(4);
    assertThat(p.abandonProbability()).isEqualTo(0.3);
    assertThat(p.device()).isEqualTo(Population.Device.LAPTOP);
  }

  @Test
  void omittedKeysTakeStockDefaults() throws Exception {
    Scenario s = ScenarioParser.parse(MINIMAL);
    assertThat(s.seed()).isEqualTo(Scenario.DEFAULT_SEED);
    assertThat(s.start()).isEqualTo(Scenario.DEFAULT_START);
    assertThat(s.server())
        .isEqualTo(
            new Server(
                "EX01",
                ExchangeDefaults.SESSIONS_PER_USER,
                ExchangeDefaults.KEEP_ALIVE_TIME_MS,
                ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS,
                ExchangeDefaults.KEEP_ALIVE_PROBES));
    Population p = s.populations().get(0);
    assertThat(p.sessionsPerStart()).isEqualTo(1);
    assertThat(p.abandonProbability()).isZero();
    assertThat(p.behindMiddlebox()).isFalse();
    assertThat(p.middleboxIdleTimeoutMs()).isEqualTo(OptionalLong.empty());
    assertThat(p.holding())
        .isEqualTo(new HoldingTime(HoldingTime.Dist.EXPONENTIAL, 45 * 60_000L, 1.0));
    assertThat(p.kind()).isEqualTo(Population.Kind.USER);
    assertThat(p.device()).isEqualTo(Population.Device.DESKTOP);
    assertThat(p.clientSoftware()).isEqualTo("OUTLOOK.EXE");
  }

  @Test
  void unknownKeysAreNamedWithTheirPath() {
    assertProblems(
        """
        {"duration": "1d", "speed": 3, "server": {"sessionlimit": 40},
         "populations": [{"name": "a", "users": 1, "startsPerHour": 1, "holdng": {"mean": "1h"}}]}\
        """,
        "speed: unknown key",
        "server.sessionlimit: unknown key",
        "populations[0].holding: missing required key",
        "populations[0].holdng: unknown key");
  }

  @Test
  void nestedUnknownKey() {
    assertProblems(
        """
        {"duration": "1d", "populations": [{"name": "a", "users": 1, "startsPerHour": 1,
          "holding": {"mean": "1h", "sigmaa": 2}}]}\
        """,
        "populations[0].holding.sigmaa: unknown key");
  }

  @Test
  void badValuesAreNamed() {
    assertProblems(
        """
        {"duration": "7 days", "server": {"keepAliveTime": "-5m", "sessionLimit": 0},
         "populations": [{"name": "a", "users": 1, "startsPerHour": -1, "abandonProbability": 1.5,
           "holding": {"dist": "weibull", "mean": "0m"}, "behindMiddlebox": "yes"}]}\
        """,
        "duration: \"7 days\" is not a duration",
        "server.sessionLimit: must be between 1 and 1000000, got 0",
        "server.keepAliveTime: \"-5m\" is not a duration",
        "populations[0].startsPerHour: must not be negative, got -1",
        "populations[0].holding.dist: expected \"exponential\" or \"fixed\" or \"lognormal\", got"
            + " \"weibull\"",
        "populations[0].holding.mean: must be above 0",
        "populations[0].abandonProbability: a probability must be between 0 and 1, got 1.5",
        "populations[0].behindMiddlebox: expected true or false");
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertProblems(
        "{\"populations\": [{\"holding\": {}}]}",
        "duration: missing required key",
        "populations[0].name: missing required key",
        "populations[0].users: missing required key",
        "populations[0].startsPerHour: missing required key",
        "populations[0].holding.mean: missing required key");
    assertProblems("{\"duration\": \"1d\"}", "populations: missing required key");
    assertProblems(
        "{\"duration\": \"1d\", \"populations\": []}",
        "populations: needs at least one population");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertProblems("{\"duration\": \"1d\",\n \"populations\": [}", "not valid JSON at line 2");
    assertProblems("[1]", "a scenario must be a JSON object");
    assertProblems(
        "{\"duration\": \"1d\", \"duration\": \"2d\"}",
        "not valid JSON",
        "Duplicate field 'duration'");
  }

  @Test
  void extensionsParseAndAreChecked() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            """
            {"duration": "1d", "start": "2027-01-04T00:00:00Z", "server": {"name": "MBX02"},
             "populations": [
              {"name": "bes", "kind": "serviceAccount", "mailboxes": 250, "users": 1, "startsPerHour": 1,
               "holding": {"dist": "fixed", "mean": "8h"}},
              {"name": "branch", "users": 5, "startsPerHour": 1, "holding": {"mean": "1h"},
               "behindMiddlebox": true, "middleboxIdleTimeout": "4h", "device": "laptop",
               "clientSoftware": "SearchProtocolHost.exe"}]}\
            """);
    assertThat(s.server().name()).isEqualTo("MBX02");
    assertThat(s.populations().get(0).mailboxes()).isEqualTo(250);
    assertThat(s.populations().get(0).clientSoftware()).isEqualTo(Population.SERVICE_CLIENT);
    assertThat(s.populations().get(1).middleboxIdleTimeoutMs()).hasValue(4 * 3_600_000L);
    assertProblems(
        """
        {"duration": "1d", "populations": [{"name": "a", "users": 1, "startsPerHour": 1,
          "holding": {"mean": "1h"}, "mailboxes": 3, "middleboxIdleTimeout": "1h", "kind": "robot"},
          {"name": "a", "users": 1, "startsPerHour": 1, "holding": {"mean": "1h"}}]}\
        """,
        "populations[0].kind: expected \"serviceAccount\" or \"user\", got \"robot\"",
        "populations[0].middleboxIdleTimeout: only applies with \"behindMiddlebox\": true",
        "populations[0].mailboxes: only applies to \"kind\": \"serviceAccount\"",
        "populations[1].name: duplicate population name \"a\"");
  }

  @Test
  void neverIsAMiddleboxTimeout() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            """
            {"duration": "1d", "populations": [{"name": "a", "users": 1, "startsPerHour": 1,
              "holding": {"mean": "1h"}, "behindMiddlebox": true, "middleboxIdleTimeout": "never"}]}\
            """);
    assertThat(s.populations().get(0).middleboxIdleTimeoutMs()).isEmpty();
  }

  private static void assertProblems(String json, String... expected) {
    assertThatThrownBy(() -> ScenarioParser.parse(json))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              for (String want : expected) {
                assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(want));
              }
            });
  }
}
