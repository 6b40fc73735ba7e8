package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.Setting;

/**
 * Registry settings per server. When two exports disagree the one read from the later place (file,
 * then position) wins, so the answer does not depend on which thread read first.
 */
final class SettingsBook implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Map<String, Setting>> byServer = new HashMap<>();

  synchronized void add(Setting s) {
    Map<String, Setting> settings =
        byServer.computeIfAbsent(ServerNames.key(s.server()), k -> new TreeMap<>());
    settings.merge(s.name(), s, (a, b) -> later(a, b));
  }

  synchronized void addAll(SettingsBook other) {
    synchronized (other) {
      other.byServer.values().forEach(m -> m.values().forEach(this::add));
    }
  }

  /**
   * A copy with every alias's settings under the server it stands for; a value read for the server
   * itself wins over one read under an alias, between aliases the later place wins.
   */
  synchronized SettingsBook aliased(ServerAliases aliases) {
    SettingsBook copy = new SettingsBook();
    byServer.forEach(
        (key, settings) -> {
          if (!aliases.isAlias(key)) {
            copy.byServer.put(key, new TreeMap<>(settings));
          }
        });
    Map<String, Map<String, Setting>> fromAliases = new TreeMap<>();
    byServer.forEach(
        (key, settings) -> {
          if (aliases.isAlias(key)) {
            Map<String, Setting> merged =
                fromAliases.computeIfAbsent(aliases.canonical(key), k -> new TreeMap<>());
            settings.forEach((name, setting) -> merged.merge(name, setting, SettingsBook::later));
          }
        });
    fromAliases.forEach(
        (server, settings) -> {
          Map<String, Setting> own = copy.byServer.computeIfAbsent(server, k -> new TreeMap<>());
          settings.forEach(own::putIfAbsent);
        });
    return copy;
  }

  /** Servers (keys) a registry export was read for, {@link ServerNames#UNKNOWN} included. */
  synchronized Set<String> servers() {
    return new TreeSet<>(byServer.keySet());
  }

  /**
   * The setting for a server; an export without a server name counts when it is the only server.
   */
  synchronized Setting get(String serverKey, String name, boolean onlyServer) {
    Setting s = byServer.getOrDefault(serverKey, Map.of()).get(name);
    if (s == null && onlyServer) {
      s = byServer.getOrDefault(ServerNames.UNKNOWN, Map.of()).get(name);
    }
    return s;
  }

  synchronized OptionalLong number(String serverKey, String name, boolean onlyServer) {
    Setting s = get(serverKey, name, onlyServer);
    return s == null ? OptionalLong.empty() : s.numericValue();
  }

  /** Whether any registry value was read for the server (so an absent one is really absent). */
  synchronized boolean exportSeen(String serverKey, boolean onlyServer) {
    return byServer.containsKey(serverKey)
        || (onlyServer && byServer.containsKey(ServerNames.UNKNOWN));
  }

  /** Any value read for the server (the first by name), to point at its export; or {@code null}. */
  synchronized Setting anyFor(String serverKey, boolean onlyServer) {
    Map<String, Setting> m = byServer.get(serverKey);
    if (m == null && onlyServer) {
      m = byServer.get(ServerNames.UNKNOWN);
    }
    return m == null || m.isEmpty() ? null : new TreeMap<>(m).firstEntry().getValue();
  }

  synchronized Map<String, Map<String, Setting>> snapshot() {
    Map<String, Map<String, Setting>> copy = new TreeMap<>();
    byServer.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    return copy;
  }

  private static Setting later(Setting a, Setting b) {
    int byFile = a.ref().file().compareTo(b.ref().file());
    if (byFile != 0) {
      return byFile > 0 ? a : b;
    }
    return a.ref().position() >= b.ref().position() ? a : b;
  }
}
