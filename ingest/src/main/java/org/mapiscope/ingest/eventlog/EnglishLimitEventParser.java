package org.mapiscope.ingest.eventlog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rendered description of Event 9646 in every wording seen in the field (docs/domain.md,
 * docs/domain.md): {@code Closing Mapi session "…" because it exceeded …}, {@code Mapi session "…"
 * exceeded the maximum of N objects of type "…".}, an optional {@code with client type "…"}, type
 * names with or without quotes, straight or typographic quotes, lines wrapped by a viewer or a mail
 * client, and any text after the sentence. Other languages: {@link LocalizedLimitEventParser}.
 *
 * <p>Stateless and thread-safe.
 */
final class EnglishLimitEventParser {

  private EnglishLimitEventParser() {}

  /** What the sentence names, before the identity is turned into a user key. */
  record Fields(String identity, int limit, String objectType, String clientType) {}

  /** A line break a wrapping viewer inserted, with the indentation it put after it. */
  private static final String BREAK = "(?:\\r?\\n|\\r)[ \\t]*";

  private static final String MAYBE_BREAK = "(?:" + BREAK + ")*";
  private static final Pattern WRAP = Pattern.compile(BREAK);

  /** The sentence as Windows renders it; line breaks may only fall between words. */
  private static final Pattern SENTENCE = sentence(false);

  /** The same, with a wrap allowed inside any of its words too; slower, so only tried second. */
  private static final Pattern WRAPPED_SENTENCE = sentence(true);

  /**
   * An identity that swallowed the words after it: a wrap cut them, so the plain pattern skipped
   * them.
   */
  private static final Pattern RUN_ON =
      Pattern.compile("\"\\s*(?:with\\s*client|because|exceeded)", Pattern.CASE_INSENSITIVE);

  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  // Matching runs on a copy with every quote made straight. The copy has the same length, so
  // the groups are cut from the original and keep their own quotes. The identity is taken
  // lazily up to the quote that the fixed words follow, so quotes and apostrophes inside a DN
  // (cn=O’Brien, cn=Jane "JJ" Doe) stay part of it.
  private static Pattern sentence(boolean wrapsInWords) {
    String digitGap = wrapsInWords ? MAYBE_BREAK : "";
    return Pattern.compile(
        "(?:"
            + words("closing", wrapsInWords)
            + "\\s+)?"
            + words("mapi session", wrapsInWords)
            + "\\s*\"(?<id>.+?)\""
            + "\\s*(?:"
            + words("with client type", wrapsInWords)
            + "\\s*\"(?<client>[^\"]*)\"\\s*)?"
            + "(?:"
            + words("because it", wrapsInWords)
            + "\\s+)?"
            + words("exceeded the maximum of", wrapsInWords)
            + "\\s+(?<limit>\\d(?:"
            + digitGap
            + "\\d){0,8})\\s+"
            + words("objects of type", wrapsInWords)
            + "\\s*"
            + "(?:\"(?<quotedType>[^\"]+)\"|(?<type>[A-Za-z](?:"
            + digitGap
            + "[A-Za-z0-9_])*)(?="
            + digitGap
            + "\\.|\\s*\\z))",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  /** A regex for fixed words: whitespace between them, and, if asked, a wrap inside any of them. */
  private static String words(String phrase, boolean wrapsInWords) {
    if (!wrapsInWords) {
      return phrase.replace(" ", "\\s+");
    }
    StringBuilder regex = new StringBuilder();
    for (char c : phrase.toCharArray()) {
      if (c == ' ') {
        regex.append("\\s+");
      } else {
        if (!regex.isEmpty() && !regex.toString().endsWith("\\s+")) {
          regex.append(MAYBE_BREAK);
        }
        regex.append(c);
      }
    }
    return regex.toString();
  }

  /**
   * The fields of a 9646 description, or empty when the text is not one.
   *
   * <p>Line breaks between the words of the sentence are whitespace, and a break inside one of its
   * words is ignored. Inside a quoted value (identity, client type, object type) a break is dropped
   * together with the indentation after it: a wrapping viewer breaks after a space (the space stays
   * at the end of the line) or inside a token longer than the line, so the DN comes back with its
   * own spaces and case. (A wrapper that replaced a space by the break cannot be told from one that
   * cut a token; such a DN loses that space.)
   */
  static Optional<Fields> parse(String message) {
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    if (!join(message).toLowerCase(Locale.ROOT).contains("exceeded")) {
      return Optional.empty(); // no English wording: the slow wrapped pattern would search in vain
    }
    String straight = Quotes.straight(message);
    Optional<Fields> plain = match(SENTENCE, message, straight);
    if (plain.isPresent() && !RUN_ON.matcher(Quotes.straight(plain.get().identity())).find()) {
      return plain;
    }
    return match(WRAPPED_SENTENCE, message, straight);
  }

  /**
   * A quoted value with the line breaks (and their indentation) a wrapping viewer put into it
   * removed.
   */
  static String join(String wrapped) {
    return WRAP.matcher(wrapped).replaceAll("");
  }

  private static Optional<Fields> match(Pattern sentence, String original, String straight) {
    Matcher m = sentence.matcher(straight);
    if (!m.find()) {
      return Optional.empty();
    }
    String identity = join(group(m, original, "id")).strip();
    String rawType =
        m.start("type") >= 0 ? group(m, original, "type") : group(m, original, "quotedType");
    String type = join(rawType).strip();
    if (identity.isEmpty() || !TYPE_NAME.matcher(type).matches()) {
      return Optional.empty();
    }
    String client = m.start("client") < 0 ? "" : join(group(m, original, "client")).strip();
    return Optional.of(
        new Fields(
            identity,
            Integer.parseInt(join(m.group("limit"))),
            type,
            client.isEmpty() ? null : client));
  }

  private static String group(Matcher m, String original, String name) {
    return original.substring(m.start(name), m.end(name));
  }
}
