package org.mapiscope.ingest.eventlog;

/**
 * Makes every kind of quote straight, so one pattern can match a description whatever quotes it was
 * rendered or copied with: typographic quotes from a web page, Word or mail (“ ” „ ‘ ’), guillemets
 * of French, Italian and other templates (« » ‹ ›), Japanese corner brackets (「 」 『 』) and
 * full-width quotes. The copy has the same length as the original, so match positions in the copy
 * cut the original, whose own quotes stay as they were.
 */
final class Quotes {

  private static final String OTHER_QUOTES =
      "\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB\u2039\u203A"
          + "\u300C\u300D\u300E\u300F\u301D\u301E\u301F\uFF02";

  private Quotes() {}

  /** The text with every known quote replaced by {@code "}. */
  static String straight(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      if (OTHER_QUOTES.indexOf(text.charAt(i)) >= 0) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = '"';
      }
    }
    return chars == null ? text : new String(chars);
  }
}
