package org.mapiscope.ingest.eventlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the insertion strings from the text Windows writes when the machine that rendered an
 * event lacks the source's message file ("The description for Event ID … cannot be found"). That is
 * what an admin gets when exporting an Exchange server's log on a workstation without Exchange.
 * Three English layouts are known:
 *
 * <ul>
 *   <li>Event Viewer (Vista+): {@code …included with the event:} then one string per line, ended by
 *       a blank line;
 *   <li>{@code Get-EventLog}: {@code …part of the event:'s1', 's2', 's3'};
 *   <li>Event Viewer (Server 2003): {@code …part of the event: s1, s2, s3.}
 * </ul>
 *
 * A machine in another language writes its own words around the same layouts, so without an English
 * marker the strings are found by shape after the colon that ends the localized marker: an
 * identity, a number and an object type ({@link LocalizedLimitEventParser#isIdentity}, {@link
 * LocalizedLimitEventParser#isObjectType}) on three consecutive lines, as {@code :'a', 'b', 'c'},
 * or as {@code : a, b, c} at the end of the text.
 */
final class MissingDescription {

  private MissingDescription() {}

  private static final String VIEWER_MARKER =
      "The following information was included with the event:";
  private static final String PART_MARKER = "The following information is part of the event:";

  private static final String IDENTITY_START = "(?<id>(?:/[oO]=|\\{?[0-9A-Fa-f]{8}-)[^\\r\\n]*?)";
  private static final String LIMIT = "(?<limit>[0-9]{1,9})";
  private static final String TYPE = "(?<type>session|objt[A-Za-z0-9_]+)";
  private static final String AFTER_COLON = "[:\\uFF1A]\\s*";
  private static final Pattern QUOTED_LIST =
      Pattern.compile(AFTER_COLON + "'" + IDENTITY_START + "', '" + LIMIT + "', '" + TYPE + "'");
  private static final Pattern COMMA_LIST =
      Pattern.compile(AFTER_COLON + IDENTITY_START + ", " + LIMIT + ", " + TYPE + "\\.?\\s*\\z");

  /** The insertion strings in order, or empty when the text is not a missing-description text. */
  static Optional<List<String>> insertionStrings(String message) {
    if (message == null) {
      return Optional.empty();
    }
    int viewer = message.indexOf(VIEWER_MARKER);
    if (viewer >= 0) {
      return nonEmpty(lineSeparated(message.substring(viewer + VIEWER_MARKER.length())));
    }
    int part = message.indexOf(PART_MARKER);
    if (part >= 0) {
      String tail = message.substring(part + PART_MARKER.length()).strip();
      return nonEmpty(tail.startsWith("'") ? singleQuoted(tail) : commaSeparated(tail));
    }
    return byShape(message);
  }

  /**
   * The identity, limit and type of a missing-description text in any language, by the shapes of
   * the strings.
   */
  private static Optional<List<String>> byShape(String message) {
    List<String> lines =
        message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    for (int i = 1; i + 2 < lines.size(); i++) {
      if (endsWithColon(lines.get(i - 1))
          && LocalizedLimitEventParser.isIdentity(lines.get(i))
          && isLimit(lines.get(i + 1))
          && LocalizedLimitEventParser.isObjectType(lines.get(i + 2))) {
        return Optional.of(lines.subList(i, i + 3));
      }
    }
    for (Pattern layout : List.of(QUOTED_LIST, COMMA_LIST)) {
      Matcher m = layout.matcher(message);
      int from = 0;
      while (from < message.length() && m.find(from)) {
        if (LocalizedLimitEventParser.isIdentity(m.group("id"))) {
          return Optional.of(List.of(m.group("id"), m.group("limit"), m.group("type")));
        }
        from = m.start() + 1; // a GUID-like word before the identity
      }
    }
    return Optional.empty();
  }

  private static boolean endsWithColon(String line) {
    return line.endsWith(":") || line.endsWith("\uFF1A");
  }

  private static boolean isLimit(String text) {
    return !text.isEmpty()
        && text.length() <= 9
        && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static List<String> lineSeparated(String tail) {
    List<String> strings = new ArrayList<>();
    for (String line : tail.split("\\r?\\n|\\r", -1)) {
      if (!line.isBlank()) {
        strings.add(line.strip());
      } else if (!strings.isEmpty()) {
        break; // a note such as "the message resource is present but…" follows the blank line
      }
    }
    return strings;
  }

  private static List<String> singleQuoted(String tail) {
    String inner = tail.substring(1);
    if (inner.endsWith("'")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    return Arrays.asList(inner.split("', '", -1));
  }

  // Server 2003 does not quote the strings; an identity may hold ", " itself, the limit and
  // the type never do, so the last two items are those and everything before is the identity.
  private static List<String> commaSeparated(String tail) {
    String body = tail.endsWith(".") ? tail.substring(0, tail.length() - 1) : tail;
    String[] items = body.split(", ", -1);
    if (items.length < 3) {
      return Arrays.asList(items);
    }
    String identity = String.join(", ", Arrays.copyOfRange(items, 0, items.length - 2));
    return List.of(identity, items[items.length - 2], items[items.length - 1]);
  }

  private static Optional<List<String>> nonEmpty(List<String> strings) {
    return strings.isEmpty() ? Optional.empty() : Optional.of(strings);
  }
}
