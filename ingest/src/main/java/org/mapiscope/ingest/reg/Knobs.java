package org.mapiscope.ingest.reg;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mapiscope.model.ExchangeDefaults;

/**
 * The registry values that matter for Event 9646, where each must live, and what applies when it is
 * absent (names and defaults from {@link ExchangeDefaults}).
 */
final class Knobs {

  private Knobs() {}

  /**
   * One setting.
   *
   * @param name canonical value name
   * @param scope the key it must be in
   * @param reader who reads it, for messages ("Windows", "the store")
   * @param absentIs what applies when it is absent or ignored, for messages
   */
  record Knob(String name, RegKey.Scope scope, String reader, String absentIs) {

    String settingName() {
      return scope == RegKey.Scope.OBJECTS ? ExchangeDefaults.objectLimitSetting(name) : name;
    }
  }

  private static final String WINDOWS = "Windows";
  private static final String STORE = "the store";

  static final List<Knob> ALL =
      List.of(
          new Knob(
              ExchangeDefaults.KEEP_ALIVE_TIME,
              RegKey.Scope.TCPIP,
              WINDOWS,
              "its default 2 hours (" + ExchangeDefaults.KEEP_ALIVE_TIME_MS + " ms)"),
          new Knob(
              ExchangeDefaults.KEEP_ALIVE_INTERVAL,
              RegKey.Scope.TCPIP,
              WINDOWS,
              "its default 1 second (" + ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS + " ms)"),
          new Knob(
              ExchangeDefaults.TCP_MAX_DATA_RETRANSMISSIONS,
              RegKey.Scope.TCPIP,
              WINDOWS,
              "its default"),
          new Knob(
              ExchangeDefaults.MAX_SESSIONS_PER_USER,
              RegKey.Scope.STORE,
              STORE,
              "its default " + ExchangeDefaults.SESSIONS_PER_USER),
          new Knob(
              ExchangeDefaults.MAX_SERVICE_SESSIONS_PER_USER,
              RegKey.Scope.STORE,
              STORE,
              "its default " + ExchangeDefaults.SERVICE_SESSIONS_PER_USER),
          new Knob(
              ExchangeDefaults.DISABLE_SESSION_LIMIT,
              RegKey.Scope.STORE,
              STORE,
              "its default (the session limit stays on)"));

  /**
   * 2016/2019 documentation names {@code objtAttachmentView}; the store's code reads {@code
   * objtAttachView}.
   */
  static final Map<String, String> OBJECT_ALIASES = Map.of("objtattachmentview", "objtAttachView");

  /** The knob named exactly (registry names ignore case) in {@code scope}. */
  static Optional<Knob> exact(String name, RegKey.Scope scope) {
    if (scope == RegKey.Scope.OBJECTS) {
      return objectKnob(name);
    }
    return ALL.stream()
        .filter(k -> k.scope() == scope && k.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** Any knob with this name (ignoring case), wherever it belongs; object types included. */
  static Optional<Knob> named(String name) {
    Optional<Knob> k = ALL.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst();
    return k.isPresent() ? k : objectKnob(name);
  }

  /**
   * A knob whose name differs by at most two letters (spaces and case ignored) from {@code name}.
   */
  static Optional<Knob> lookalike(String name, RegKey.Scope scope) {
    String n = squash(name);
    if (n.length() < 6) {
      return Optional.empty();
    }
    List<Knob> candidates =
        scope == RegKey.Scope.OBJECTS
            ? ExchangeDefaults.OBJECT_LIMITS.keySet().stream()
                .sorted()
                .map(Knobs::objectKnobOf)
                .toList()
            : ALL.stream().filter(k -> k.scope() == scope).toList();
    return candidates.stream().filter(k -> distance(n, squash(k.name())) <= 2).findFirst();
  }

  static Optional<Knob> objectKnob(String name) {
    return ExchangeDefaults.OBJECT_LIMITS.keySet().stream()
        .filter(t -> t.equalsIgnoreCase(name))
        .findFirst()
        .map(Knobs::objectKnobOf);
  }

  private static Knob objectKnobOf(String type) {
    return new Knob(
        type,
        RegKey.Scope.OBJECTS,
        STORE,
        "its default " + ExchangeDefaults.OBJECT_LIMITS.get(type));
  }

  static String where(RegKey.Scope scope) {
    return switch (scope) {
      case TCPIP -> "Tcpip\\Parameters";
      case STORE -> "MSExchangeIS\\ParametersSystem";
      case OBJECTS -> "MSExchangeIS\\ParametersSystem\\" + ExchangeDefaults.MAX_OBJS_SUBKEY;
      default -> scope.name();
    };
  }

  private static String squash(String s) {
    return s.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
