package org.mapiscope.model;

import java.util.Locale;
import java.util.Set;

/**
 * Words that name an export, a period or a log folder rather than a host: {@code EX07-logs-march}
 * is server EX07's March logs, {@code EX01-2026-03} its logs of a month, while {@code mail-ex-01}
 * and {@code ex01-dr} are host names. Shared by ingest (folder hints) and analysis (server keys).
 */
public final class ExportWords {

  private ExportWords() {}

  /** Folder and file-name words that are never server names. */
  private static final Set<String> GENERIC =
      Set.of(
          "rpc client access",
          "logging",
          "logs",
          "log",
          "v8",
          "v14",
          "v15",
          "exchange server",
          "exchsrvr",
          "exchange",
          "microsoft",
          "program files",
          "bin",
          "mdbdata",
          "mapihttp",
          "evidence",
          "export",
          "exports",
          "data",
          "temp",
          "tmp",
          "output",
          "collected",
          "files",
          "winevt",
          "eventlogs",
          "registry",
          "reg",
          "netstat",
          "snapshots",
          "snapshot",
          "rca",
          "application",
          "app",
          "logons",
          "logon",
          "tcpip",
          "keepalive",
          "system",
          "mapi",
          "events",
          "server",
          "servers",
          "case",
          "backup",
          "copy",
          "kopie");

  /** Month names and abbreviations (English, German) and period words. */
  private static final Set<String> PERIODS =
      Set.of(
          "jan",
          "january",
          "januar",
          "feb",
          "february",
          "februar",
          "mar",
          "march",
          "maerz",
          "märz",
          "apr",
          "april",
          "may",
          "mai",
          "jun",
          "june",
          "juni",
          "jul",
          "july",
          "juli",
          "aug",
          "august",
          "sep",
          "sept",
          "september",
          "oct",
          "october",
          "okt",
          "oktober",
          "nov",
          "november",
          "dec",
          "december",
          "dez",
          "dezember",
          "week",
          "day",
          "daily",
          "weekly",
          "monthly");

  /**
   * A folder or archive name without its archive extension: {@code EX07-logs-march.zip} → {@code
   * EX07-logs-march}.
   */
  public static String withoutArchiveExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".zip", ".gz", ".tgz"}) {
      if (lower.endsWith(ext) && name.length() > ext.length()) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }

  /** A generic log or export word ({@code logs}, {@code export}, {@code RPC Client Access}, …). */
  public static boolean isGeneric(String word) {
    return GENERIC.contains(word.toLowerCase(Locale.ROOT));
  }

  /** A month or period word. */
  public static boolean isPeriod(String word) {
    return PERIODS.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether one word after a host name says "this is an export of that host": a generic word, a
   * period, or a year or date (four digits or more). Short numbers ({@code 01}) are part of host
   * names.
   */
  public static boolean marksExport(String word) {
    return isGeneric(word)
        || isPeriod(word)
        || (word.length() >= 4 && word.chars().allMatch(Character::isDigit));
  }

  /** Whether any word of {@code rest} (split at {@code - _ . space}) marks an export. */
  public static boolean anyMarksExport(String rest) {
    for (String w : rest.split("[-_ .]+")) {
      if (!w.isEmpty() && marksExport(w)) {
        return true;
      }
    }
    return false;
  }
}
