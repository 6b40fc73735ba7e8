package org.mapiscope.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Reads a scenario (docs/simulator.md §2). Omitted keys take the defaults of a stock server and
 * client; unknown keys, missing required keys and values out of range are all reported at once,
 * each naming its JSON path. Thread-safe.
 */
public final class ScenarioParser {

  private ScenarioParser() {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Map<String, HoldingTime.Dist> DISTRIBUTIONS =
      Map.of(
          "exponential",
          HoldingTime.Dist.EXPONENTIAL,
          "lognormal",
          HoldingTime.Dist.LOGNORMAL,
          "fixed",
          HoldingTime.Dist.FIXED);

  /**
   * The longest simulated time accepted: ten years keeps every time in range with room to spare.
   */
  static final long MAX_DURATION_MS = 10L * 366 * 86_400_000L;

  /** Far more users than one store serves; keeps a typo from allocating gigabytes. */
  static final int MAX_USERS = 10_000_000;

  /**
   * @throws ScenarioException naming every problem found
   */
  public static Scenario parse(String json) throws ScenarioException {
    return parse(new StringReader(json));
  }

  /**
   * @throws ScenarioException naming every problem found
   * @throws UncheckedIOException when the reader fails
   */
  public static Scenario parse(Reader json) throws ScenarioException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ScenarioException(
          List.of("not valid JSON" + where + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioException(List.of("a scenario must be a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    Scenario scenario = scenario(new JsonObjectReader(root, "", problems));
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return scenario;
  }

  private static Scenario scenario(JsonObjectReader in) {
    // -1: absent or not a duration, already reported once; no second message about its range.
    long duration = in.duration("duration", -1, true);
    if (duration == 0 || duration > MAX_DURATION_MS) {
      in.problem(
          "duration",
          "must be above 0 and at most ten years ("
              + Durations.format(MAX_DURATION_MS)
              + "), got "
              + Durations.format(duration));
    }
    long seed = in.integer("seed", Scenario.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE, false);
    Instant start = Scenario.DEFAULT_START;
    String startText = in.text("start", null, false);
    if (startText != null) {
      try {
        start = Instant.parse(startText);
      } catch (DateTimeParseException e) {
        in.problem("start", "expected an ISO-8601 UTC instant such as 2026-11-02T00:00:00Z");
      }
    }
    JsonObjectReader serverIn = in.object("server", false);
    Server server = serverIn == null ? Server.stock() : server(serverIn);
    if (serverIn != null && duration > 0) {
      checkRestarts(serverIn, server.restartsMs(), duration);
    }
    if (!server.restartsMs().isEmpty()) {
      List<Long> ordered = new ArrayList<>(server.restartsMs());
      ordered.sort(null);
      server =
          new Server(
              server.name(),
              server.sessionLimit(),
              server.keepAliveTimeMs(),
              server.keepAliveIntervalMs(),
              server.keepAliveProbes(),
              server.exchangeVersion(),
              ordered);
    }
    JsonObjectReader evidenceIn = in.object("evidence", false);
    EvidenceOptions evidence = evidenceIn == null ? EvidenceOptions.DEFAULT : evidence(evidenceIn);
    List<Population> populations = new ArrayList<>();
    List<JsonObjectReader> popsIn = in.objects("populations", true);
    if (in.has("populations") && popsIn.isEmpty()) {
      in.problem("populations", "needs at least one population");
    }
    Set<String> names = new HashSet<>();
    long users = 0;
    for (JsonObjectReader p : popsIn) {
      Population pop = population(p);
      if (!names.add(pop.name())) {
        p.problem("name", "duplicate population name \"" + pop.name() + "\"");
      }
      users += pop.users();
      populations.add(pop);
    }
    if (users > MAX_USERS) {
      in.problem("populations", "at most " + MAX_USERS + " users in all, got " + users);
    }
    in.rejectUnknownKeys();
    return new Scenario(duration, seed, start, server, populations, evidence);
  }

  /** Restarts must fall inside the run, each once (problems name them in the order given). */
  private static void checkRestarts(JsonObjectReader serverIn, List<Long> restarts, long duration) {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < restarts.size(); i++) {
      long r = restarts.get(i);
      if (r <= 0 || r >= duration) {
        serverIn.problem(
            "restarts[" + i + "]",
            "must fall inside the run (above 0 and below "
                + Durations.format(duration)
                + "), got "
                + Durations.format(r));
      } else if (!seen.add(r)) {
        serverIn.problem("restarts[" + i + "]", "duplicate restart at " + Durations.format(r));
      }
    }
  }

  private static EvidenceOptions evidence(JsonObjectReader in) {
    boolean overlapping =
        in.bool("overlappingEventExport", EvidenceOptions.DEFAULT.overlappingEventExport());
    in.rejectUnknownKeys();
    return new EvidenceOptions(overlapping);
  }

  private static Server server(JsonObjectReader in) {
    Server stock = Server.stock();
    String name = in.text("name", stock.name(), false);
    if (!name.matches("[A-Za-z0-9-]{1,15}")) {
      in.problem("name", "a host name of 1 to 15 letters, digits or hyphens, got \"" + name + "\"");
      name = stock.name();
    }
    int limit = (int) in.integer("sessionLimit", stock.sessionLimit(), 1, 1_000_000, false);
    long keepAlive = in.duration("keepAliveTime", stock.keepAliveTimeMs(), false);
    if (keepAlive < 1 || keepAlive > 0xFFFF_FFFFL) {
      in.problem(
          "keepAliveTime", "must be between 1ms and 4294967295ms (the registry's DWORD range)");
      keepAlive = stock.keepAliveTimeMs();
    }
    long interval = in.duration("keepAliveInterval", stock.keepAliveIntervalMs(), false);
    if (interval < 1 || interval > 0xFFFF_FFFFL) {
      in.problem(
          "keepAliveInterval", "must be between 1ms and 4294967295ms (the registry's DWORD range)");
      interval = stock.keepAliveIntervalMs();
    }
    int probes =
        (int) in.integer("keepAliveProbes", ExchangeDefaults.KEEP_ALIVE_PROBES, 0, 255, false);
    int version = Server.DEFAULT_EXCHANGE_VERSION;
    String versionText = in.wordOrNumber("exchangeVersion", String.valueOf(version));
    if (versionText.matches("\\d{4}")
        && Server.EXCHANGE_VERSIONS.contains(Integer.parseInt(versionText))) {
      version = Integer.parseInt(versionText);
    } else {
      in.problem(
          "exchangeVersion",
          "expected one of "
              + new TreeSet<>(Server.EXCHANGE_VERSIONS)
              + ", got \""
              + versionText
              + "\"");
    }
    List<Long> restarts = in.durations("restarts");
    in.rejectUnknownKeys();
    return new Server(name, limit, keepAlive, interval, probes, version, restarts);
  }

  private static Population population(JsonObjectReader in) {
    String name = in.text("name", "", true);
    Population.Kind kind = kind(in);
    int users = (int) in.integer("users", 1, 1, MAX_USERS, true);
    double starts = in.number("startsPerHour", 0, 0, 1e6, true);
    int perStart =
        (int)
            in.integer(
                "sessionsPerStart", Population.DEFAULT_SESSIONS_PER_START, 1, 100_000, false);
    JsonObjectReader holdingIn = in.object("holding", true);
    HoldingTime holding =
        holdingIn == null ? new HoldingTime(HoldingTime.Dist.FIXED, 1, 0) : holding(holdingIn);
    double abandon = in.number("abandonProbability", 0, 0, 1, false);
    boolean middlebox = in.bool("behindMiddlebox", false);
    OptionalLong middleboxTimeout = middleboxTimeout(in);
    if (middleboxTimeout.isPresent() && !middlebox) {
      in.problem("middleboxIdleTimeout", "only applies with \"behindMiddlebox\": true");
    }
    int mailboxes = 0;
    if (kind == Population.Kind.SERVICE_ACCOUNT) {
      mailboxes =
          (int) in.integer("mailboxes", Population.DEFAULT_SERVICE_MAILBOXES, 1, MAX_USERS, false);
    } else if (in.has("mailboxes")) {
      in.problem("mailboxes", "only applies to \"kind\": \"serviceAccount\"");
    }
    Population.Device device = device(in, abandon);
    String software =
        in.text(
            "clientSoftware",
            kind == Population.Kind.SERVICE_ACCOUNT
                ? Population.SERVICE_CLIENT
                : Population.OUTLOOK,
            false);
    if (software.contains(",") || software.contains("\"") || software.contains("\n")) {
      in.problem("clientSoftware", "must not contain commas, quotes or line breaks");
    }
    JsonObjectReader leakIn = in.object("objectLeak", false);
    ObjectLeak leak = leakIn == null ? null : objectLeak(leakIn);
    in.rejectUnknownKeys();
    return new Population(
        name,
        kind,
        users,
        starts,
        perStart,
        holding,
        abandon,
        middlebox,
        middleboxTimeout,
        mailboxes,
        device,
        software,
        leak);
  }

  /** A non-session object type with its default per-session cap; the session cap is not a leak. */
  private static ObjectLeak objectLeak(JsonObjectReader in) {
    String type = in.text("objectType", "", true);
    Integer cap = ExchangeDefaults.OBJECT_LIMITS.get(type);
    if (in.has("objectType") && cap == null) {
      in.problem(
          "objectType",
          "one of "
              + new TreeSet<>(ExchangeDefaults.OBJECT_LIMITS.keySet())
              + ", got \""
              + type
              + "\"");
    }
    double perHour = in.number("perHour", 0, 0, 3_600_000, true);
    in.rejectUnknownKeys();
    return new ObjectLeak(type, cap == null ? 0 : cap, perHour);
  }

  private static Population.Kind kind(JsonObjectReader in) {
    return in.choice(
        "kind",
        "user",
        Map.of("user", Population.Kind.USER, "serviceAccount", Population.Kind.SERVICE_ACCOUNT));
  }

  private static Population.Device device(JsonObjectReader in, double abandon) {
    // A start that vanishes is what a laptop on VPN does; a desktop by default otherwise.
    return in.choice(
        "device",
        abandon > 0 ? "laptop" : "desktop",
        Map.of("laptop", Population.Device.LAPTOP, "desktop", Population.Device.DESKTOP));
  }

  private static OptionalLong middleboxTimeout(JsonObjectReader in) {
    if (!in.has("middleboxIdleTimeout")) {
      return OptionalLong.empty();
    }
    if (in.isWord("middleboxIdleTimeout", "never")) {
      return OptionalLong.empty();
    }
    long ms = in.duration("middleboxIdleTimeout", 0, false);
    if (ms <= 0) {
      in.problem("middleboxIdleTimeout", "must be above 0 or \"never\"");
      return OptionalLong.empty();
    }
    return OptionalLong.of(ms);
  }

  private static HoldingTime holding(JsonObjectReader in) {
    HoldingTime.Dist dist = in.choice("dist", "exponential", DISTRIBUTIONS);
    long mean = in.duration("mean", 1, true);
    if (in.has("mean") && mean <= 0) {
      in.problem("mean", "must be above 0");
      mean = 1;
    }
    double sigma = in.number("sigma", HoldingTime.DEFAULT_SIGMA, 0, 10, false);
    in.rejectUnknownKeys();
    return new HoldingTime(dist, mean, sigma);
  }
}
