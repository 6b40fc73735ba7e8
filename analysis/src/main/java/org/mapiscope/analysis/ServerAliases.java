package org.mapiscope.analysis;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.ExportWords;

/**
 * Server keys that stand for the same server, resolved when the analysis concludes. RCA logs name
 * only the server's address (server-ip) when no folder names the server, while its event logs
 * (Computer) and registry export (Hostname) name it: when the evidence names exactly one server,
 * its address keys and unnamed evidence are that server. With several named servers nothing says
 * which address is which, so addresses stay servers of their own (docs/diagnosis.md, "Server
 * identity").
 */
final class ServerAliases {

  /** The one server the evidence names, or {@code null} when it names none or several. */
  private final String named;

  /**
   * Keys that are another server's name followed by more words: folders and archives named after
   * it.
   */
  private final Map<String, String> prefixed;

  private ServerAliases(String named, Map<String, String> prefixed) {
    this.named = named;
    this.prefixed = prefixed;
  }

  /** From every server key the evidence produced ({@link ServerNames#UNKNOWN} included or not). */
  static ServerAliases of(Collection<String> keys) {
    return of(keys, Map.of());
  }

  /**
   * @param folderNamed keys that only a folder name gave, mapped to the server that content in that
   *     folder names ({@link FolderNamedServers})
   */
  static ServerAliases of(Collection<String> keys, Map<String, String> folderNamed) {
    Set<String> names = new TreeSet<>();
    for (String key : keys) {
      if (ServerNames.isKnown(key) && !ServerNames.isAddress(key)) {
        names.add(key);
      }
    }
    // EX07-logs-march.zip beside evidence naming ex07 is ex07's evidence, not a second server;
    // ex01-dr is a host.
    Map<String, String> prefixed = new TreeMap<>();
    for (String key : names) {
      String longest = null;
      for (String other : names) {
        if (!other.equals(key)
            && key.length() > other.length()
            && key.startsWith(other)
            && SEPARATORS.indexOf(key.charAt(other.length())) >= 0
            && ExportWords.anyMarksExport(key.substring(other.length() + 1))
            && (longest == null || other.length() > longest.length())) {
          longest = other;
        }
      }
      if (longest != null) {
        prefixed.put(key, longest);
      }
    }
    folderNamed.forEach(
        (key, server) -> {
          if (names.contains(server)) {
            prefixed.putIfAbsent(key, server);
          }
        });
    names.removeAll(prefixed.keySet());
    return new ServerAliases(names.size() == 1 ? names.iterator().next() : null, prefixed);
  }

  private static final String SEPARATORS = "-_ .";

  /** The key evidence under {@code key} counts for. */
  String canonical(String key) {
    String target = prefixed.get(key);
    if (target != null) {
      return canonical(target);
    }
    return named != null && (!ServerNames.isKnown(key) || ServerNames.isAddress(key)) ? named : key;
  }

  /** Whether {@code key} is another key's alias rather than a server of its own. */
  boolean isAlias(String key) {
    return !canonical(key).equals(key);
  }
}
