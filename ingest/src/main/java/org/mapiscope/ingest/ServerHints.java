package org.mapiscope.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mapiscope.model.ExportWords;

/**
 * Guesses which server a file belongs to from where it was found (docs/ingest.md, "Server
 * attribution"). Content wins over this: readers use the hint only when the file does not name its
 * server. The rule: the nearest enclosing folder (or archive, or folder inside an archive) whose
 * name looks like a host name and is not a generic log folder name; else a host-like prefix of the
 * file name ({@code EX01-tcpip.reg}, {@code EX01_netstat.txt}); else none.
 */
final class ServerHints {

  private ServerHints() {}

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}(\\.[A-Za-z0-9-]{1,63})*");

  /** Dates and long numbers mark case or export folders, not hosts. */
  private static final Pattern LONG_DIGITS =
      Pattern.compile("\\d{6,}|\\d{4}[-_.]\\d{1,2}[-_.]\\d{1,2}");

  private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9]{1,14})[-_ ].*");

  /**
   * @param enclosing folder, archive and archive-folder names around the file, outermost first,
   *     without the input root folder the user named
   * @param fileName the file's own name
   * @return the hint, or {@code null}
   */
  static String of(List<String> enclosing, String fileName) {
    for (int i = enclosing.size() - 1; i >= 0; i--) {
      String name = ExportWords.withoutArchiveExtension(enclosing.get(i));
      if (isHostLike(name)) {
        return leadingHost(name);
      }
    }
    return fromFileName(fileName);
  }

  /**
   * {@code EX07-logs-march} names server EX07 followed by words about the export: the host is the
   * first word when a later one is a generic word, a month or a date. A real host name with hyphens
   * ({@code mail-ex-01}) has none of those and stays whole.
   */
  static String leadingHost(String name) {
    String[] words = name.split("[-_ .]+");
    if (words.length < 2 || !PREFIX.matcher(name).matches()) {
      return name;
    }
    for (int i = 1; i < words.length; i++) {
      if (ExportWords.marksExport(words[i])) {
        String first = fromFileName(name);
        return first != null ? first : name;
      }
    }
    return name;
  }

  static String fromFileName(String fileName) {
    if (fileName == null) {
      return null;
    }
    var m = PREFIX.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    String prefix = m.group(1);
    boolean hasDigit = prefix.chars().anyMatch(Character::isDigit);
    boolean upper = prefix.equals(prefix.toUpperCase(Locale.ROOT));
    return (hasDigit || upper) && !isGeneric(prefix) && !LONG_DIGITS.matcher(prefix).find()
        ? prefix
        : null;
  }

  private static boolean isHostLike(String name) {
    return HOST.matcher(name).matches()
        && !isGeneric(name)
        && !ExportWords.isPeriod(name)
        && !LONG_DIGITS.matcher(name).find();
  }

  private static boolean isGeneric(String name) {
    return ExportWords.isGeneric(name);
  }
}
