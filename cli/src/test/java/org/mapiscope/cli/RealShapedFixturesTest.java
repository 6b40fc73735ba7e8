package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mapiscope analyze} on the real-shaped fixture corpus ({@code
 * src/test/resources/real-shaped}): evidence written by hand from documented real rows, each case
 * with a golden {@code expected.json} of what an Exchange expert concludes. The golden format is
 * documented in that folder's README. A failing case is open work in the analysis; the golden
 * states the domain truth.
 */
class RealShapedFixturesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(corpus())) {
      return dirs
          .filter(d -> Files.isRegularFile(d.resolve("expected.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyzeConcludesWhatTheGoldenStates(String name, @TempDir Path tmp) throws IOException {
    Path dir = corpus().resolve(name);
    JsonNode golden = JSON.readTree(dir.resolve("expected.json").toFile());
    Path input = dir.resolve(golden.path("evidence").asText("evidence"));
    if (golden.has("zipAs")) {
      input = zip(input, tmp.resolve(golden.get("zipAs").asText()));
    }
    Path out = tmp.resolve("result.json");
    List<String> args =
        new ArrayList<>(List.of("analyze", input.toString(), "--json", out.toString(), "--quiet"));
    if (golden.has("args")) {
      golden.get("args").forEach(a -> args.add(a.asText()));
    } else {
      args.addAll(List.of("--timezone", "UTC"));
    }

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as("[%s] exit code of analyze\n%s", name, run).isZero();
    Result actual = new Result(JSON.readTree(out.toFile()));
    SoftAssertions softly = new SoftAssertions();
    new Check(name, golden, actual, softly).all();
    softly.assertAll();
  }

  /** The parts of the analyze JSON (docs/contract.md) the goldens speak about, read once. */
  private record Result(JsonNode json) {

    Map<String, List<JsonNode>> findingsBySubject() {
      Map<String, List<JsonNode>> by = new LinkedHashMap<>();
      for (JsonNode f : json.path("findings")) {
        by.computeIfAbsent(key(f.path("subject").asText()), k -> new ArrayList<>()).add(f);
      }
      return by;
    }

    Set<String> findingPairs() {
      Set<String> pairs = new TreeSet<>();
      json.path("findings")
          .forEach(
              f -> pairs.add(key(f.path("subject").asText()) + " " + f.path("cause").asText()));
      return pairs;
    }

    Map<String, Long> limitEventsByUser() {
      Map<String, Long> by = new LinkedHashMap<>();
      for (JsonNode u : json.path("limitEvents").path("byUser")) {
        by.merge(key(u.path("user").asText()), u.path("count").asLong(), Long::sum);
      }
      return by;
    }

    Map<String, Long> peaks() {
      Map<String, Long> by = new LinkedHashMap<>();
      for (JsonNode u : json.path("sessions").path("byUser")) {
        by.put(key(u.path("user").asText()), u.path("peakConcurrent").asLong());
      }
      return by;
    }

    /** Every server the output speaks of: settings, 9646 tallies, server findings and raises. */
    Set<String> servers() {
      Set<String> servers = new TreeSet<>();
      json.path("settings")
          .forEach(
              s -> {
                if (!s.path("server").isNull() && !s.path("server").isMissingNode()) {
                  servers.add(key(s.path("server").asText()));
                }
              });
      json.path("limitEvents")
          .path("byUser")
          .forEach(u -> u.path("servers").forEach(s -> servers.add(key(s.asText()))));
      json.path("findings")
          .forEach(
              f -> {
                if ("server".equals(f.path("scope").asText())) {
                  servers.add(key(f.path("subject").asText()));
                }
              });
      sessionLimits()
          .forEach(
              r -> {
                if ("server".equals(r.path("scope").asText())) {
                  servers.add(key(r.path("subject").asText()));
                }
              });
      return servers;
    }

    List<JsonNode> sessionLimits() {
      List<JsonNode> list = new ArrayList<>();
      json.path("recommendations").path("sessionLimit").forEach(list::add);
      return list;
    }

    Set<String> usersWithEvidence() {
      Set<String> users = new TreeSet<>(limitEventsByUser().keySet());
      users.addAll(peaks().keySet());
      return users;
    }
  }

  /** One golden against one result; every mismatch names the case and the fact. */
  private record Check(String name, JsonNode golden, Result actual, SoftAssertions softly) {

    void all() {
      genericInvariants();
      limitEvents();
      servers();
      findings();
      sessionLimit();
      peaks();
      if (golden.has("keepAliveTimeMs")) {
        softly
            .assertThat(actual.json().path("recommendations").path("keepAliveTimeMs").asLong(-1))
            .as(fact("recommendations.keepAliveTimeMs"))
            .isEqualTo(golden.get("keepAliveTimeMs").asLong());
      }
    }

    private String fact(String what) {
      return "[" + name + "] " + what;
    }

    private void genericInvariants() {
      Map<String, List<JsonNode>> findings = actual.findingsBySubject();
      for (String user : actual.limitEventsByUser().keySet()) {
        softly
            .assertThat(findings.containsKey(user))
            .as(
                fact(
                    "user "
                        + user
                        + " has Event 9646, so has at least one finding; findings: "
                        + actual.findingPairs()))
            .isTrue();
      }
      Set<String> known = actual.usersWithEvidence();
      for (JsonNode f : actual.json().path("findings")) {
        String scope = f.path("scope").asText();
        if (scope.equals("user") || scope.equals("account")) {
          softly
              .assertThat(known)
              .as(
                  fact(
                      scope
                          + " finding "
                          + f.path("cause").asText()
                          + " for "
                          + f.path("subject").asText()
                          + " names a user found in limitEvents or sessions"))
              .contains(key(f.path("subject").asText()));
        }
      }
    }

    private void limitEvents() {
      if (golden.has("limitEventsTotal")) {
        softly
            .assertThat(actual.json().path("limitEvents").path("total").asLong(-1))
            .as(fact("limitEvents.total (distinct Event 9646)"))
            .isEqualTo(golden.get("limitEventsTotal").asLong());
      }
      Map<String, Long> byUser = actual.limitEventsByUser();
      for (Map.Entry<String, JsonNode> e : fields(golden.path("limitEventsByUser"))) {
        softly
            .assertThat(byUser.getOrDefault(key(e.getKey()), 0L))
            .as(fact("Event 9646 of " + e.getKey() + " (limitEvents.byUser: " + byUser + ")"))
            .isEqualTo(e.getValue().asLong());
      }
    }

    private void servers() {
      if (golden.has("servers")) {
        Set<String> expected = new TreeSet<>();
        golden.get("servers").forEach(s -> expected.add(key(s.asText())));
        softly
            .assertThat(actual.servers())
            .as(fact("servers named anywhere in the output"))
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }

    private void findings() {
      Map<String, List<JsonNode>> by = actual.findingsBySubject();
      Set<String> pairs = actual.findingPairs();
      Set<String> allowed = new TreeSet<>();
      Set<String> anyCause = new TreeSet<>();
      for (Map.Entry<String, JsonNode> e : fields(golden.path("findings"))) {
        String subject = key(e.getKey());
        if (e.getValue().isEmpty()) {
          anyCause.add(subject);
          softly
              .assertThat(by.containsKey(subject))
              .as(fact(subject + " has at least one finding; findings: " + pairs))
              .isTrue();
        }
        for (JsonNode cause : e.getValue()) {
          String pair = subject + " " + cause.asText();
          allowed.add(pair);
          softly
              .assertThat(pairs)
              .as(fact("finding " + cause.asText() + " for " + subject))
              .contains(pair);
        }
      }
      if (golden.path("exactFindings").asBoolean(false)) {
        List<String> extra =
            pairs.stream()
                .filter(
                    p ->
                        !allowed.contains(p)
                            && !anyCause.contains(p.substring(0, p.lastIndexOf(' '))))
                .toList();
        softly.assertThat(extra).as(fact("findings beyond the golden's " + allowed)).isEmpty();
      }
      for (Map.Entry<String, JsonNode> e : fields(golden.path("forbiddenCauses"))) {
        String subject = key(e.getKey());
        for (JsonNode cause : e.getValue()) {
          softly
              .assertThat(pairs)
              .as(fact("no " + cause.asText() + " for " + subject))
              .doesNotContain(subject + " " + cause.asText());
        }
      }
      for (JsonNode s : golden.path("noFindingFor")) {
        String subject = key(s.asText());
        softly
            .assertThat(
                by.getOrDefault(subject, List.of()).stream()
                    .map(f -> f.path("cause").asText())
                    .toList())
            .as(fact("no finding for " + subject))
            .isEmpty();
      }
      for (Map.Entry<String, JsonNode> e : fields(golden.path("findingConfidenceBelow"))) {
        String subject = key(e.getKey());
        List<Double> confidences =
            by.getOrDefault(subject, List.of()).stream()
                .map(f -> f.path("confidence").asDouble())
                .toList();
        softly
            .assertThat(confidences)
            .as(
                fact(
                    "a finding for "
                        + subject
                        + " with confidence below "
                        + e.getValue().asDouble()
                        + " (cause undecided)"))
            .anyMatch(c -> c < e.getValue().asDouble());
      }
    }

    private void sessionLimit() {
      List<JsonNode> raises = actual.sessionLimits();
      if (golden.path("noSessionLimit").asBoolean(false)) {
        softly
            .assertThat(
                raises.stream()
                    .map(r -> r.path("subject").asText() + "=" + r.path("recommended"))
                    .toList())
            .as(fact("recommendations.sessionLimit (no raise is justified)"))
            .isEmpty();
      }
      for (JsonNode want : golden.path("sessionLimit")) {
        String subject = key(want.path("subject").asText());
        List<JsonNode> got =
            raises.stream().filter(r -> key(r.path("subject").asText()).equals(subject)).toList();
        softly
            .assertThat(got)
            .as(fact("a session-limit recommendation for " + subject))
            .isNotEmpty();
        got.forEach(
            r -> {
              softly
                  .assertThat(r.path("recommended").isIntegralNumber())
                  .as(
                      fact(
                          "recommended limit for "
                              + subject
                              + " is a number, was "
                              + r.path("recommended")))
                  .isTrue();
              softly
                  .assertThat(r.path("recommended").asLong(-1))
                  .as(
                      fact(
                          "recommended limit for "
                              + subject
                              + " = demand + margin; basis: "
                              + r.path("basis").asText()))
                  .isEqualTo(want.path("recommended").asLong());
            });
      }
    }

    private void peaks() {
      Map<String, Long> peaks = actual.peaks();
      for (Map.Entry<String, JsonNode> e : fields(golden.path("peakConcurrent"))) {
        softly
            .assertThat(peaks.get(key(e.getKey())))
            .as(fact("sessions.byUser peakConcurrent of " + e.getKey()))
            .isEqualTo(e.getValue().asLong());
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.isObject() ? node.properties() : List.of();
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * The archive an admin would send: the evidence folder's files, paths below it, '/'-separated.
   */
  private static Path zip(Path folder, Path zip) throws IOException {
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(os);
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return zip;
  }

  static Path corpus() {
    URL url = RealShapedFixturesTest.class.getResource("/real-shaped");
    if (url == null) {
      throw new IllegalStateException("real-shaped fixtures are not on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
