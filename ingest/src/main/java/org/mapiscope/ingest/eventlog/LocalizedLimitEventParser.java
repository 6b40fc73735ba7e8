package org.mapiscope.ingest.eventlog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mapiscope.ingest.eventlog.EnglishLimitEventParser.Fields;

/**
 * Reads a 9646 description in any language by its structure, not its words: Event Viewer on a
 * German, French, Japanese, … server renders the store's localized template, but the three
 * insertion strings stay as Exchange wrote them. So the description holds
 *
 * <ol>
 *   <li>the session identity in quotes of any kind ({@link Quotes}): a legacyExchangeDN {@code
 *       /o=…}, a GUID, or {@code GUID: /o=…};
 *   <li>the limit: the first number after the identity's closing quote (never one inside the DN);
 *   <li>the object type, {@code session} or {@code objt…}, quoted or not, after the limit — or
 *       before it, for templates whose word order puts it first.
 * </ol>
 *
 * Only words without quotes or digits may stand between them, and at most 160 characters of them,
 * so the three belong to one sentence. Hence the identity ends at the last quote before the limit,
 * and quotes, apostrophes and digits inside a DN ({@code cn=Jane "JJ" Doe}, {@code cn=O’Brien},
 * {@code ou=Site 7}) stay part of it.
 *
 * <p>A client type ({@code with client type "…"}, itself unconfirmed in English) is not read in
 * other languages: it cannot be told from a quoted nickname in a DN. An identity that ends like a
 * swallowed one ({@code …cn=jdoe" mit Clienttyp "MoMT}) is refused rather than keyed wrongly.
 *
 * <p>Loose on words, strict on shapes: it is meant for text already known to be a 9646 of the
 * information store (source {@code MSExchangeIS*}, id 9646), after the English wordings failed.
 * Stateless and thread-safe.
 */
final class LocalizedLimitEventParser {

  private LocalizedLimitEventParser() {}

  /** Whitespace, including the no-break and ideographic spaces of French and Japanese text. */
  private static final String SPACE = "[\\s\\u00A0\\u202F\\u3000]";

  /**
   * Words between the values: no quote (values are quoted) and no digit (the first digits are the
   * limit).
   */
  private static final String GAP = "[^\"0-9]{0,160}?";

  /** A line break a wrapping viewer put into a token, with the indentation after it. */
  private static final String BREAK = "(?:\\r?\\n|\\r)[ \\t]*";

  private static final String MAYBE_BREAK = "(?:" + BREAK + ")*";

  /** The identity starts like a DN or a GUID; where it ends is settled by what must follow it. */
  private static final String IDENTITY =
      "\""
          + SPACE
          + "*(?<id>(?:/"
          + MAYBE_BREAK
          + "[oO]"
          + MAYBE_BREAK
          + "=|\\{?(?:[0-9A-Fa-f]"
          + MAYBE_BREAK
          + "){8}-).*?)"
          + SPACE
          + "*\"";

  private static final String LIMIT = "(?<limit>[0-9]{1,9})(?![0-9])";
  // The type's shape is part of the pattern, so a quoted word in a DN (cn=Jane "2" O’Brien) that is
  // no
  // type makes the identity longer instead of ending the match.
  private static final String QUOTED_TYPE =
      "\""
          + SPACE
          + "*(?<type>"
          + wrappable("session")
          + "|"
          + wrappable("objt")
          + "(?:[A-Za-z0-9_]|"
          + BREAK
          + ")+)"
          + SPACE
          + "*\"";
  private static final String BARE_TYPE =
      "(?<![A-Za-z0-9_])(?<type>session|objt[A-Za-z0-9_]+)(?![A-Za-z0-9_])";

  /**
   * Tried in order: a quoted type before an unquoted one (a bare {@code session} may be a word of
   * the sentence), the documented order (limit, then type) before the other.
   */
  private static final List<Pattern> SHAPES =
      List.of(
          shape(IDENTITY + GAP + LIMIT + GAP + QUOTED_TYPE),
          shape(IDENTITY + GAP + QUOTED_TYPE + GAP + LIMIT),
          shape(IDENTITY + GAP + LIMIT + GAP + BARE_TYPE),
          shape(IDENTITY + GAP + BARE_TYPE + GAP + LIMIT));

  private static final Pattern GUID =
      Pattern.compile("\\{?[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}}?");
  private static final Pattern VALID_IDENTITY =
      Pattern.compile(GUID.pattern() + "(?:\\s*:\\s*/[oO]=.+)?|/[oO]=.+", Pattern.DOTALL);
  private static final Pattern VALID_TYPE = Pattern.compile("session|objt[A-Za-z0-9_]+");

  /**
   * Quote, space, words, space, quote, one token at the end: words and a quoted value after the
   * real identity. (An apostrophe has no space before it: {@code cn=Jane "JJ" O’Brien} is no
   * match.)
   */
  private static final Pattern SWALLOWED =
      Pattern.compile(
          "\"" + SPACE + "+[^\"/=]*" + SPACE + "\"" + SPACE + "*[^\"\\s/=]+" + SPACE + "*\\z");

  /** A word a wrapping viewer may have cut anywhere. */
  private static String wrappable(String word) {
    StringBuilder regex = new StringBuilder();
    for (char c : word.toCharArray()) {
      regex.append(regex.isEmpty() ? "" : MAYBE_BREAK).append(c);
    }
    return regex.toString();
  }

  private static Pattern shape(String regex) {
    return Pattern.compile(regex, Pattern.DOTALL);
  }

  /**
   * The fields of a 9646 description in any language, or empty when it does not have the structure.
   */
  static Optional<Fields> parse(String message) {
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    String straight = Quotes.straight(message);
    for (Pattern shape : SHAPES) {
      Matcher m = shape.matcher(straight);
      int from = 0;
      // A match whose identity fails the check (a GUID-like word before the real identity)
      // is passed over: the next opening quote is tried.
      while (from < straight.length() && m.find(from)) {
        Optional<Fields> fields = fields(m, message);
        if (fields.isPresent()) {
          return fields;
        }
        from = m.start() + 1;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an insertion string has the shape of a session identity: DN, GUID, or {@code GUID: DN}.
   */
  static boolean isIdentity(String text) {
    return VALID_IDENTITY.matcher(text).matches();
  }

  /**
   * Whether an insertion string has the shape of an object type: {@code session} or {@code objt…}.
   */
  static boolean isObjectType(String text) {
    return VALID_TYPE.matcher(text).matches();
  }

  private static Optional<Fields> fields(Matcher m, String original) {
    String identity = trim(EnglishLimitEventParser.join(cut(m, original, "id")));
    String type = EnglishLimitEventParser.join(cut(m, original, "type"));
    if (!isIdentity(identity)
        || !isObjectType(type)
        || SWALLOWED.matcher(Quotes.straight(identity)).find()) {
      return Optional.empty();
    }
    return Optional.of(new Fields(identity, Integer.parseInt(m.group("limit")), type, null));
  }

  private static String cut(Matcher m, String original, String group) {
    return original.substring(m.start(group), m.end(group));
  }

  private static String trim(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
