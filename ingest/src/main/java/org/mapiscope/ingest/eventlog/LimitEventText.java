package org.mapiscope.ingest.eventlog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rendered description of Event 9646 in every wording seen in the field (DESIGN §1,
 * research/domain.md §1): {@code Closing Mapi session "…" because it exceeded …}, {@code Mapi
 * session "…" exceeded the maximum of N objects of type "…".}, an optional {@code with client
 * type "…"}, type names with or without quotes, straight or typographic quotes, lines wrapped by
 * a viewer or a mail client, and any text after the sentence.
 *
 * <p>Stateless and thread-safe.
 */
final class LimitEventText {

    private LimitEventText() {
    }

    /** What the sentence names, before the identity is turned into a user key. */
    record Fields(String identity, int limit, String objectType, String clientType) {
    }

    /** Any quote a copy through a web page, Word or a mail client may have put around a value. */
    private static final String QUOTE = "[\"\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB]";

    private static final String NOT_QUOTE = "[^\"\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB]";

    /** A line break a wrapping viewer inserted, with the indentation it put after it. */
    private static final String BREAK = "(?:\\r?\\n|\\r)[ \\t]*";
    private static final String MAYBE_BREAK = "(?:" + BREAK + ")*";
    private static final Pattern WRAP = Pattern.compile(BREAK);

    // The identity is taken lazily up to the quote that the fixed words follow, so quotes and
    // apostrophes inside a DN (cn=O’Brien, cn=Jane "JJ" Doe) stay part of it. The fixed words
    // tolerate a wrap anywhere, so a cut word never makes the identity run on past its quote.
    private static final Pattern SENTENCE = Pattern.compile(
            "(?:" + words("closing") + "\\s+)?" + words("mapi session") + "\\s*" + QUOTE + "(?<id>.+?)" + QUOTE
                    + "\\s*(?:" + words("with client type") + "\\s*" + QUOTE + "(?<client>.*?)" + QUOTE + "\\s*)?"
                    + "(?:" + words("because it") + "\\s+)?" + words("exceeded the maximum of") + "\\s+"
                    + "(?<limit>\\d(?:" + MAYBE_BREAK + "\\d){0,8})\\s+" + words("objects of type") + "\\s*"
                    + "(?:" + QUOTE + "(?<quotedType>" + NOT_QUOTE + "+)" + QUOTE
                    + "|(?<type>[A-Za-z](?:" + MAYBE_BREAK + "[A-Za-z0-9_])*)(?=" + MAYBE_BREAK + "\\.|\\s*\\z))",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** A regex for fixed words: whitespace between them, and a wrap possibly inside any of them. */
    private static String words(String phrase) {
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
     * <p>Line breaks between the words of the sentence are whitespace, and a break inside one of
     * its words is ignored. Inside a quoted value (identity, client type, object type) a break is
     * dropped together with the indentation after it: a wrapping viewer breaks after a space (the
     * space stays at the end of the line) or inside a token longer than the line, so the DN comes
     * back with its own spaces and case. (A wrapper that replaced a space by the break cannot be
     * told from one that cut a token; such a DN loses that space.)
     */
    static Optional<Fields> parse(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        return match(message);
    }

    private static String join(String wrapped) {
        return WRAP.matcher(wrapped).replaceAll("");
    }

    private static Optional<Fields> match(String text) {
        Matcher m = SENTENCE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String identity = join(m.group("id")).strip();
        String type = join(m.group("type") != null ? m.group("type") : m.group("quotedType")).strip();
        if (identity.isEmpty() || !TYPE_NAME.matcher(type).matches()) {
            return Optional.empty();
        }
        String client = m.group("client") == null ? "" : join(m.group("client")).strip();
        return Optional.of(new Fields(identity, Integer.parseInt(join(m.group("limit"))), type, client.isEmpty() ? null : client));
    }
}
