package org.mapiscope.analysis;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mapiscope.model.ExportWords;

/**
 * RCA rows never name their server, so a server key that only RCA logs gave came from the name of
 * the folder they sat in ({@code case-0412/RPC Client Access/…}). When the content of other
 * evidence in that same folder names a server — a registry export's {@code Hostname}, an event's
 * {@code Computer} — the folder is that server's evidence, not a server of its own (docs/domain.md:
 * the server never comes from a file name when content names one).
 */
final class FolderNamedServers {

  private FolderNamedServers() {}

  /**
   * @param rcaOnly server keys that only RCA logs produced
   * @param contentPaths per server key named by content, the files that named it
   * @return folder-named key → the one server content in that folder names (keys with none or
   *     several left out)
   */
  static Map<String, String> of(Set<String> rcaOnly, Map<String, Set<String>> contentPaths) {
    Map<String, String> aliases = new TreeMap<>();
    for (String key : rcaOnly) {
      if (!ServerNames.isKnown(key) || ServerNames.isAddress(key)) {
        continue;
      }
      Set<String> named = new TreeSet<>();
      contentPaths.forEach(
          (server, paths) -> {
            if (!server.equals(key)
                && ServerNames.isKnown(server)
                && !ServerNames.isAddress(server)
                && paths.stream().anyMatch(p -> inFolder(p, key))) {
              named.add(server);
            }
          });
      if (named.size() == 1) {
        aliases.put(key, named.iterator().next());
      }
    }
    return aliases;
  }

  /** Whether a folder (or archive) on the path has the name the key came from. */
  static boolean inFolder(String path, String key) {
    String[] parts = path.split("[/\\\\!]+");
    for (int i = 0; i < parts.length - 1; i++) {
      String part = ExportWords.withoutArchiveExtension(parts[i]);
      if (!part.isEmpty() && ServerNames.key(part).equals(key)) {
        return true;
      }
    }
    return false;
  }
}
