package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generates 9646 descriptions around identities an admin can meet (commas, parentheses, apostrophes
 * and typographic quotes in names, GUID-only, GUID + DN, Exchange 2013 hex-prefixed cn values), in
 * every wording, quoted in any style, wrapped at random places, and checks that the parser gives
 * back exactly what was generated.
 */
class EnglishLimitEventParserPropertiesTest {

  private static final Instant T = Instant.parse("2026-11-02T08:15:00Z");
  private static final EvidenceRef REF = EvidenceRef.line("gen.txt", 1);

  /** What a generated identity must come back as. */
  record Identity(String text, String key, String dn, String guid) {}

  enum Wording {
    CLOSING_BECAUSE,
    PLAIN,
    CLOSING_WITHOUT_BECAUSE
  }

  record Quotes(String open, String close) {}

  record Sentence(
      Identity identity,
      int limit,
      String type,
      boolean typeQuoted,
      String client,
      Wording wording,
      Quotes quotes,
      boolean trailer) {

    String render() {
      String q = quotes.open();
      String e = quotes.close();
      String subject =
          (wording == Wording.PLAIN ? "" : "Closing ")
              + "Mapi session "
              + q
              + identity.text()
              + e
              + (client == null ? "" : " with client type " + q + client + e);
      String verb = wording == Wording.CLOSING_BECAUSE ? " because it exceeded" : " exceeded";
      String type = typeQuoted ? q + this.type + e : this.type;
      return subject
          + verb
          + " the maximum of "
          + limit
          + " objects of type "
          + type
          + "."
          + (trailer
              ? "\r\n\r\n"
                  + "For more information, see Help and Support Center at"
                  + " http://go.microsoft.com/fwlink/events.asp."
              : "");
    }
  }

  /**
   * Line breaks a viewer put in: where (as a share of the text), which break, how much indentation.
   */
  record Wrap(int per10000, boolean crlf, int indent) {}

  private static final List<Character> NAME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,()'.&-_\u2019\u2018\u201C\u201D\"\u00e9\u00fc"
          .chars()
          .mapToObj(c -> (char) c)
          .collect(Collectors.toList());

  private static Gen<String> names() {
    return lists()
        .of(Generate.pick(NAME_CHARS))
        .ofSizeBetween(1, 24)
        .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()).strip())
        .assuming(s -> !s.isEmpty());
  }

  private static Gen<String> guids() {
    return longs()
        .all()
        .zip(
            longs().all(),
            booleans().all(),
            (hi, lo, upper) -> {
              String guid = new UUID(hi, lo).toString();
              return upper ? guid.toUpperCase(Locale.ROOT) : guid;
            });
  }

  private static Gen<Identity> dns() {
    return names()
        .zip(
            names(),
            names(),
            booleans().all(),
            (org, ou, cn, hexPrefix) -> {
              String last = hexPrefix ? "0123456789ABCDEF0123456789abcdef-" + cn : cn;
              String dn = "/o=" + org + "/ou=" + ou + "/cn=Recipients/cn=" + last;
              return new Identity(dn, cn.toLowerCase(Locale.ROOT), dn, null);
            });
  }

  static Gen<Identity> identities() {
    Gen<Identity> guidOnly =
        guids()
            .map(
                g -> new Identity(g, g.toLowerCase(Locale.ROOT), null, g.toLowerCase(Locale.ROOT)));
    Gen<Identity> guidAndDn =
        guids()
            .zip(
                dns(),
                (g, d) ->
                    new Identity(g + ": " + d.text(), d.key(), d.dn(), g.toLowerCase(Locale.ROOT)));
    return Generate.oneOf(dns(), guidOnly, guidAndDn);
  }

  static Gen<String> objectTypes() {
    Gen<String> objt =
        lists()
            .of(Generate.pick(NAME_CHARS.subList(0, 52)))
            .ofSizeBetween(1, 14)
            .map(cs -> "objt" + cs.stream().map(String::valueOf).collect(Collectors.joining()));
    return Generate.oneOf(Generate.constant("session"), objt);
  }

  private static Gen<Sentence> sentences() {
    Gen<String> clients =
        Generate.oneOf(
            Generate.constant((String) null),
            Generate.pick(List.of("MoMT", "OWA", "AirSync", "WebServices", "Imap4")));
    Gen<Quotes> quotes =
        Generate.pick(
            List.of(
                new Quotes("\"", "\""),
                new Quotes("\u201C", "\u201D"),
                new Quotes("\u201E", "\u201C"),
                new Quotes("\u2018", "\u2019")));
    Gen<Sentence> core =
        identities()
            .zip(
                integers().between(1, 100_000_000),
                objectTypes(),
                booleans().all(),
                (id, limit, type, quoted) ->
                    new Sentence(id, limit, type, quoted, null, Wording.PLAIN, null, false));
    return core.zip(
        clients,
        Generate.enumValues(Wording.class),
        quotes,
        booleans().all(),
        (s, client, wording, q, trailer) ->
            new Sentence(
                s.identity(), s.limit(), s.type(), s.typeQuoted(), client, wording, q, trailer));
  }

  private static Gen<List<Wrap>> wraps() {
    return lists()
        .of(integers().between(0, 9_999).zip(booleans().all(), integers().between(0, 4), Wrap::new))
        .ofSizeBetween(0, 5);
  }

  /**
   * Inserts breaks the way a wrapping viewer does: never in front of a space, which stays at the
   * end of its line.
   */
  static String wrap(String text, List<Wrap> wraps) {
    StringBuilder out = new StringBuilder(text);
    List<Wrap> ordered = new ArrayList<>(wraps);
    ordered.sort((a, b) -> Integer.compare(b.per10000(), a.per10000()));
    for (Wrap w : ordered) {
      int at = (int) ((long) w.per10000() * text.length() / 10_000);
      if (at == 0
          || Character.isWhitespace(text.charAt(at))
          || Character.isWhitespace(text.charAt(at - 1)) && text.charAt(at - 1) != ' ') {
        continue;
      }
      out.insert(at, (w.crlf() ? "\r\n" : "\n") + " ".repeat(w.indent()));
    }
    return out.toString();
  }

  @Test
  void recoversTheGeneratedIdentityLimitAndType() {
    qt().withExamples(2_000)
        .forAll(sentences(), wraps())
        .checkAssert(
            (sentence, wraps) -> {
              String message = wrap(sentence.render(), wraps);
              LimitEvent e =
                  LimitEventParser.fromMessage(T, "EX01", message, REF)
                      .orElseThrow(() -> new AssertionError("not read: " + message));
              Identity id = sentence.identity();
              assertThat(e.user()).as(message).isEqualTo(id.key());
              assertThat(e.dn()).as(message).isEqualTo(id.dn());
              assertThat(e.sessionGuid()).as(message).isEqualTo(id.guid());
              assertThat(e.limit()).as(message).isEqualTo(sentence.limit());
              assertThat(e.objectType()).as(message).isEqualTo(sentence.type());
              assertThat(e.clientType()).as(message).isEqualTo(sentence.client());
            });
  }

  @Test
  void readsTheSameEventFromItsInsertionStrings() {
    qt().forAll(identities(), integers().between(1, 100_000_000), objectTypes())
        .checkAssert(
            (id, limit, type) -> {
              LimitEvent e =
                  LimitEventParser.fromInsertionStrings(
                          T, "EX01", List.of(id.text(), Integer.toString(limit), type), REF)
                      .orElseThrow();
              assertThat(e)
                  .isEqualTo(
                      new LimitEvent(
                          T, "EX01", id.key(), id.dn(), id.guid(), null, type, limit, REF));
            });
  }
}
