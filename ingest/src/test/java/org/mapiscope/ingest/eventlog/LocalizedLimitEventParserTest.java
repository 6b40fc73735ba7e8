package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;

/**
 * 9646 descriptions rendered by non-English Windows. Only the German wording is documented (see
 * below); the French, Spanish, Italian, Dutch, Portuguese and Japanese sentences are plausible
 * translations written for these tests: they exercise the structural rule ({@link
 * LocalizedLimitEventParser}), which reads any language by the shapes of the three values.
 */
class LocalizedLimitEventParserTest {

  private static final Instant T = Instant.parse("2026-12-01T07:15:00Z");
  private static final EvidenceRef REF = EvidenceRef.line("Anwendung.csv", 2);
  private static final String DN =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=JDoe";

  private static LimitEvent read(String text) {
    return LimitEventParser.fromMessage(T, "EX01", text, REF)
        .orElseThrow(() -> new AssertionError("not read: " + text));
  }

  private static boolean refused(String text) {
    return LimitEventParser.fromMessage(T, "EX01", text, REF).isEmpty();
  }

  // German, verbatim from msxfaq.de "Event 9646" (https://www.msxfaq.de/exchange/admin/9646.htm),
  // an
  // Exchange 2003 Event Viewer description as shown there: wrapped after "administrative ", the
  // first one
  // without a full stop.
  @Test
  void readsTheGermanWordingDocumentedByMsxfaq() {
    LimitEvent folder =
        read(
            "Die MAPI-Sitzung \"/o=MSXFAQ/ou=Erste administrative \n"
                + "Gruppe/cn=Recipients/cn=User1\" hat die maximal zulässige Anzahl von 250"
                + " Objekten vom Typ \"objtFolder\" überschritten");
    assertThat(folder)
        .isEqualTo(
            new LimitEvent(
                T,
                "EX01",
                "user1",
                "/o=MSXFAQ/ou=Erste administrative Gruppe/cn=Recipients/cn=User1",
                null,
                null,
                "objtFolder",
                250,
                REF));

    LimitEvent session =
        read(
            "Die MAPI-Sitzung \"/o=MSXFAQ/ou=Erste administrative \n"
                + "Gruppe/cn=Recipients/cn=User1\" hat die maximal zulässige Anzahl von 32 Objekten"
                + " vom Typ \"session\" überschritten.");
    assertThat(session.limit()).isEqualTo(32);
    assertThat(session.objectType()).isEqualTo("session");
    assertThat(session.isSessionLimit()).isTrue();
  }

  @Test
  void readsOtherGermanPhrasingsTypographicQuotesAndAnUnquotedType() {
    assertThat(
            read("Die MAPI-Sitzung \""
                    + DN
                    + "\" hat das Maximum von 32 Objekten des Typs \"session\" überschritten.")
                .user())
        .isEqualTo("jdoe");
    LimitEvent typographic =
        read(
            "Die MAPI-Sitzung \u201E"
                + DN
                + "\u201C hat die maximal zulässige Anzahl von 500 Objekten"
                + " vom Typ \u201EobjtFolderView\u201C überschritten.");
    assertThat(typographic.dn()).isEqualTo(DN);
    assertThat(typographic.objectType()).isEqualTo("objtFolderView");
    assertThat(
            read("Die MAPI-Sitzung \""
                    + DN
                    + "\" hat die maximal zulässige Anzahl von 500 Objekten vom Typ objtFolder"
                    + " überschritten.")
                .objectType())
        .isEqualTo("objtFolder");
  }

  @Test
  void readsFrenchWithGuillemetsAndNoBreakSpaces() {
    LimitEvent e =
        read(
            "La session MAPI \u00AB\u00A0"
                + DN
                + "\u00A0\u00BB a dépassé le nombre maximal de 32 objets de type"
                + " \u00AB\u00A0session\u00A0\u00BB.");
    assertThat(e.dn()).isEqualTo(DN);
    assertThat(e.limit()).isEqualTo(32);
    assertThat(e.objectType()).isEqualTo("session");
  }

  @Test
  void readsSpanishItalianDutchAndPortuguese() {
    LimitEvent spanish =
        read(
            "La sesión MAPI \"/o=Contoso/ou=Sede Madrid/cn=Recipients/cn=jgarcía\" superó el máximo"
                + " de 500 objetos de tipo \"objtFolder\".");
    assertThat(spanish.user()).isEqualTo("jgarcía");
    assertThat(spanish.limit()).isEqualTo(500);

    LimitEvent italian =
        read(
            "La sessione MAPI \""
                + DN
                + "\" ha superato il numero massimo di 250 oggetti di tipo"
                + " \"objtMessage\".");
    assertThat(italian.objectType()).isEqualTo("objtMessage");
    assertThat(italian.limit()).isEqualTo(250);

    LimitEvent dutch =
        read(
            "MAPI-sessie \"ba765653-5439-437a-993f-806575b85fbb: "
                + DN
                + "\" heeft het maximum van 500"
                + " objecten van het type \"objtFolderView\" overschreden.");
    assertThat(dutch.sessionGuid()).isEqualTo("ba765653-5439-437a-993f-806575b85fbb");
    assertThat(dutch.dn()).isEqualTo(DN);
    assertThat(dutch.user()).isEqualTo("jdoe");

    LimitEvent portuguese =
        read(
            "A sessão MAPI \"CCCE3FE1-0BDB-4C25-BAF9-D3EA6BB9AF99\" excedeu o máximo de 500 objetos"
                + " do tipo \"objtFolder\".");
    assertThat(portuguese.user()).isEqualTo("ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99");
    assertThat(portuguese.dn()).isNull();
  }

  @Test
  void readsJapaneseInEitherOrderOfLimitAndType() {
    LimitEvent corner = read("MAPI セッション「" + DN + "」は、種類「objtFolder」のオブジェクトの最大数 500 を超えました。");
    assertThat(corner.objectType()).isEqualTo("objtFolder");
    assertThat(corner.limit()).isEqualTo(500);
    assertThat(corner.dn()).isEqualTo(DN);

    LimitEvent straight = read("MAPI セッション \"" + DN + "\" が最大数32個の\"session\"オブジェクトを超えました。");
    assertThat(straight.limit()).isEqualTo(32);
    assertThat(straight.objectType()).isEqualTo("session");
  }

  @Test
  void neverTakesANumberInsideTheDnAndKeepsItsQuotesAndApostrophes() {
    String dn =
        "/o=Contoso 2010/ou=Site 7 (FYDIBOHF23SPDLT)/cn=Recipients/cn=Jane \"2\" O\u2019Brien";
    LimitEvent e =
        read(
            "Die MAPI-Sitzung \u201C"
                + dn
                + "\u201D hat die maximal zulässige Anzahl von 32 Objekten vom Typ"
                + " \u201Csession\u201D überschritten.");
    assertThat(e.dn()).isEqualTo(dn);
    assertThat(e.limit()).isEqualTo(32);
  }

  @Test
  void skipsAQuotedWordBeforeTheIdentity() {
    assertThat(read("「MAPI」セッション「" + DN + "」は最大数 32 を超えました (種類 session)。").limit()).isEqualTo(32);
  }

  @Test
  void refusesTextWithoutTheStructure() {
    // another event's text, in German
    assertThat(refused("Der Microsoft Exchange-Informationsspeicher wurde gestartet.")).isTrue();
    // no limit
    assertThat(
            refused(
                "Die MAPI-Sitzung \""
                    + DN
                    + "\" hat zu viele Objekte vom Typ \"session\" geöffnet."))
        .isTrue();
    // the identity is neither a DN nor a GUID
    assertThat(
            refused(
                "Die MAPI-Sitzung \"jdoe\" hat die maximal zulässige Anzahl von 32 Objekten vom Typ"
                    + " \"session\" überschritten."))
        .isTrue();
    // a translated type (as in machine-translated KB text, e.g. support.c4b.de): the store never
    // translates it
    assertThat(
            refused(
                "Schließen der MAPI-Sitzung \""
                    + DN
                    + "\" da das Maximum von 32 Objekte des Typs überschritten"
                    + " \"Sitzung\"."))
        .isTrue();
    // values too far apart to belong to one sentence
    assertThat(
            refused(
                "Die MAPI-Sitzung \""
                    + DN
                    + "\" wurde geschlossen. Weitere Informationen finden Sie in der Dokumentation"
                    + " des Herstellers und in den Protokollen des Servers sowie in den Ereignissen"
                    + " der Anwendung und des Systems: 32 Objekte vom Typ \"session\"."))
        .isTrue();
  }

  @Test
  void refusesAnIdentityThatSwallowedAQuotedValueAfterIt() {
    // A client type in another language cannot be told from a nickname in the DN: refused, not
    // keyed "jdoe" mit …".
    assertThat(
            refused(
                "Die MAPI-Sitzung \""
                    + DN
                    + "\" mit Clienttyp \"MoMT\" hat die maximal zulässige Anzahl von 32"
                    + " Objekten vom Typ \"session\" überschritten."))
        .isTrue();
  }

  @Test
  void readsTheStringsOfAnUnrenderedDescriptionInAnyLanguage() {
    String viewer =
        "Die Beschreibung für die Ereignis-ID \"9646\" aus der Quelle \"MSExchangeIS\" wurde nicht"
            + " gefunden.\r\n\r\n"
            + "Folgende Informationen wurden mit dem Ereignis gespeichert:\r\n\r\n"
            + DN
            + "\r\n32\r\nsession\r\n\r\n";
    assertThat(read(viewer).user()).isEqualTo("jdoe");
    String getEventLog =
        "Die Beschreibung der Ereignis-ID \"9646\" in der Quelle \"MSExchangeIS\" wurde nicht"
            + " gefunden. Folgende Informationen sind Teil des Ereignisses:'"
            + DN
            + "', '500', 'objtFolder'";
    assertThat(read(getEventLog).objectType()).isEqualTo("objtFolder");
    String server2003 =
        "La description pour l'ID d'événement ( 9646 ) dans la source ( MSExchangeIS ) est"
            + " introuvable. Les informations suivantes font partie de l'événement :"
            + " /o=Org/ou=Ventes, Paris/cn=Recipients/cn=jdupont, 32, session.";
    LimitEvent e = read(server2003);
    assertThat(e.dn()).isEqualTo("/o=Org/ou=Ventes, Paris/cn=Recipients/cn=jdupont");
    assertThat(e.limit()).isEqualTo(32);
  }
}
