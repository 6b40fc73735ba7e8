package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.eventlog.EnglishLimitEventParserPropertiesTest.Identity;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generates 9646 descriptions in made-up languages — random words (Latin with accents, Cyrillic,
 * Greek, CJK, punctuation) around the three values, the limit before or after the type, the type
 * quoted or bare, any quote style, with or without spaces, a quoted word before the identity, lines
 * wrapped the way a viewer wraps them — around the identities of {@link
 * EnglishLimitEventParserPropertiesTest} (quotes, apostrophes, digits and commas in names, GUIDs,
 * {@code GUID: DN}), and checks that the structural reading gives back what was generated.
 */
class LocalizedLimitEventParserPropertiesTest {

  private static final Instant T = Instant.parse("2026-12-01T07:15:00Z");
  private static final EvidenceRef REF = EvidenceRef.line("gen.txt", 1);

  record QuotePair(String open, String close) {}

  /**
   * One generated description.
   *
   * @param lead words before the identity (digits and a quoted word allowed there)
   * @param middle words between the identity and the first value
   * @param link words between the two values
   * @param tail words after the last value
   * @param spaced whether words and values are separated by spaces (not so in Japanese)
   */
  record Sentence(
      Identity identity,
      int limit,
      String type,
      boolean typeQuoted,
      boolean typeFirst,
      QuotePair quotes,
      String lead,
      String middle,
      String link,
      String tail,
      boolean spaced) {

    /**
     * The text, and the ranges a viewer never cuts (the limit, a bare type: tokens shorter than a
     * line).
     */
    Rendered render() {
      String q = quotes.open();
      String e = quotes.close();
      String sep = spaced ? " " : "";
      // A bare type needs a separator: `Typsession` is no type.
      String typeSep = typeQuoted ? sep : " ";
      String typeText = typeQuoted ? q + type + e : type;
      String number = Integer.toString(limit);
      StringBuilder text =
          new StringBuilder(lead)
              .append(sep)
              .append(q)
              .append(identity.text())
              .append(e)
              .append(sep)
              .append(middle);
      List<int[]> uncut = new ArrayList<>();
      String first = typeFirst ? typeText : number;
      String second = typeFirst ? number : typeText;
      String firstSep = typeFirst ? typeSep : sep;
      String secondSep = typeFirst ? sep : typeSep;
      text.append(firstSep);
      uncut.add(new int[] {text.length(), text.length() + first.length()});
      text.append(first).append(firstSep).append(link).append(secondSep);
      uncut.add(new int[] {text.length(), text.length() + second.length()});
      text.append(second).append(secondSep).append(tail);
      return new Rendered(text.toString(), uncut);
    }
  }

  record Rendered(String text, List<int[]> uncut) {}

  private static final List<QuotePair> QUOTES =
      List.of(
          new QuotePair("\"", "\""),
          new QuotePair("\u201C", "\u201D"),
          new QuotePair("\u201E", "\u201C"),
          new QuotePair("\u00AB\u00A0", "\u00A0\u00BB"),
          new QuotePair("\u00AB", "\u00BB"),
          new QuotePair("\u300C", "\u300D"),
          new QuotePair("\u300E", "\u300F"),
          new QuotePair("\uFF02", "\uFF02"),
          new QuotePair("\u2039", "\u203A"));

  /** Words of the languages in question, none a digit, a quote or a type name. */
  private static final List<String> VOCABULARY =
      List.of(
          "Die",
          "MAPI-Sitzung",
          "hat",
          "die",
          "maximal",
          "zulässige",
          "Anzahl",
          "von",
          "Objekten",
          "vom",
          "Typ",
          "überschritten.",
          "La",
          "MAPI",
          "a",
          "dépassé",
          "le",
          "nombre",
          "maximal",
          "d'objets",
          "de",
          "type",
          "sesión",
          "superó",
          "el",
          "máximo",
          "objetos",
          "tipo",
          "sessione",
          "ha",
          "superato",
          "oggetti",
          "di",
          "MAPI-sessie",
          "heeft",
          "het",
          "maximum",
          "objecten",
          "overschreden",
          "A",
          "sessão",
          "excedeu",
          "o",
          "do",
          "セッション",
          "は",
          "種類",
          "の",
          "オブジェクトの最大数",
          "を超えました。",
          "が",
          "Сеанс",
          "превысил",
          "максимальное",
          "число",
          "объектов",
          "типа",
          "Η",
          "συνεδρία",
          "(",
          ")",
          ",",
          ":",
          "-",
          "—",
          ".");

  private static final List<Character> WORD_CHARS =
      ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
              + "äöüßéèêàçñõãíóúÄÖÜÉ"
              + "абвгдежзийклмнопрстуфхцчшщыэюя"
              + "αβγδεζηθ"
              + "会话セッション種類最大数超"
              + ",.;:!?()-/='&")
          .chars()
          .mapToObj(c -> (char) c)
          .collect(Collectors.toList());

  private static Gen<String> word() {
    Gen<String> random =
        lists()
            .of(Generate.pick(WORD_CHARS))
            .ofSizeBetween(1, 12)
            .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    return Generate.oneOf(Generate.pick(VOCABULARY), random)
        .assuming(
            w ->
                !w.toLowerCase(Locale.ROOT).contains("session")
                    && !w.toLowerCase(Locale.ROOT).contains("objt"));
  }

  private static Gen<String> words(int min, int max) {
    return lists().of(word()).ofSizeBetween(min, max).map(ws -> String.join(" ", ws));
  }

  /** Before the identity anything goes: a version number, a quoted word of the template. */
  private static Gen<String> leads() {
    return words(0, 5)
        .zip(
            Generate.pick(
                List.of("", "Exchange 2010", "\u300CMAPI\u300D", "\"MAPI\"", "\u00AB MAPI \u00BB")),
            booleans().all(),
            (w, extra, extraFirst) ->
                extraFirst ? (extra + " " + w).strip() : (w + " " + extra).strip());
  }

  private static Gen<Sentence> sentences() {
    Gen<Sentence> values =
        EnglishLimitEventParserPropertiesTest.identities()
            .zip(
                integers().between(1, 999_999_999),
                EnglishLimitEventParserPropertiesTest.objectTypes(),
                booleans().all(),
                booleans().all(),
                (id, limit, type, quoted, typeFirst) ->
                    new Sentence(id, limit, type, quoted, typeFirst, null, "", "", "", "", true));
    Gen<Sentence> quoted =
        values.zip(
            Generate.pick(QUOTES),
            booleans().all(),
            (s, q, spaced) ->
                new Sentence(
                    s.identity(),
                    s.limit(),
                    s.type(),
                    s.typeQuoted(),
                    s.typeFirst(),
                    q,
                    "",
                    "",
                    "",
                    "",
                    spaced));
    return quoted.zip(
        leads(),
        words(1, 6),
        words(0, 6),
        words(0, 8),
        (s, lead, middle, link, tail) ->
            new Sentence(
                s.identity(),
                s.limit(),
                s.type(),
                s.typeQuoted(),
                s.typeFirst(),
                s.quotes(),
                lead,
                middle,
                link,
                tail,
                s.spaced()));
  }

  private static Gen<List<EnglishLimitEventParserPropertiesTest.Wrap>> wraps() {
    return lists()
        .of(
            integers()
                .between(0, 9_999)
                .zip(
                    booleans().all(),
                    integers().between(0, 4),
                    EnglishLimitEventParserPropertiesTest.Wrap::new))
        .ofSizeBetween(0, 5);
  }

  /**
   * Breaks as a wrapping viewer puts them (never in front of a space), but not inside the uncut
   * ranges.
   */
  private static String wrap(
      Rendered rendered, List<EnglishLimitEventParserPropertiesTest.Wrap> wraps) {
    String text = rendered.text();
    List<EnglishLimitEventParserPropertiesTest.Wrap> ordered = new ArrayList<>(wraps);
    ordered.sort((a, b) -> Integer.compare(b.per10000(), a.per10000()));
    StringBuilder out = new StringBuilder(text);
    for (EnglishLimitEventParserPropertiesTest.Wrap w : ordered) {
      int at = (int) ((long) w.per10000() * text.length() / 10_000);
      boolean inside = rendered.uncut().stream().anyMatch(r -> at > r[0] && at < r[1]);
      if (at == 0
          || inside
          || Character.isWhitespace(text.charAt(at))
          || Character.isWhitespace(text.charAt(at - 1)) && text.charAt(at - 1) != ' ') {
        continue;
      }
      out.insert(at, (w.crlf() ? "\r\n" : "\n") + " ".repeat(w.indent()));
    }
    return out.toString();
  }

  @Test
  void recoversTheGeneratedIdentityLimitAndTypeInAnyLanguage() {
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(2_000)
        .forAll(sentences(), wraps())
        .checkAssert(
            (sentence, wraps) -> {
              String message = wrap(sentence.render(), wraps);
              Optional<LimitEvent> read = LimitEventParser.fromMessage(T, "EX01", message, REF);
              Identity id = sentence.identity();
              if (read.isEmpty()) {
                // The one refusal by design: a name with a quote and a space in it may look like a
                // quoted value swallowed into the identity.
                assertThat(Quotes.straight(id.text()))
                    .as("not read: %s", message)
                    .containsPattern("\"\\s");
                refused.incrementAndGet();
                return;
              }
              LimitEvent e = read.get();
              assertThat(e.user()).as(message).isEqualTo(id.key());
              assertThat(e.dn()).as(message).isEqualTo(id.dn());
              assertThat(e.sessionGuid()).as(message).isEqualTo(id.guid());
              assertThat(e.limit()).as(message).isEqualTo(sentence.limit());
              assertThat(e.objectType()).as(message).isEqualTo(sentence.type());
              assertThat(e.clientType()).as(message).isNull();
            });
    assertThat(refused.get()).as("descriptions refused").isLessThan(20);
  }

  @Test
  void neverReadsTextWithoutALimitOrAType() {
    qt().withExamples(500)
        .forAll(sentences(), booleans().all())
        .checkAssert(
            (sentence, dropLimit) -> {
              String text = sentence.render().text();
              String broken =
                  dropLimit
                      ? text.replace(Integer.toString(sentence.limit()), "")
                      : text.replace(sentence.type(), "Typ");
              // Digits inside a name after one of its own quotes could stand in for the limit: such
              // names sit this one out.
              if (dropLimit && sentence.identity().text().chars().anyMatch(Character::isDigit)
                  || broken.equals(text)) {
                return;
              }
              assertThat(LocalizedLimitEventParser.parse(broken)).as(broken).isEmpty();
            });
  }
}
