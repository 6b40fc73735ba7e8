package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;

class LimitEventParserTest {

  private static final Instant T = Instant.parse("2026-11-02T08:15:00Z");
  private static final EvidenceRef REF = EvidenceRef.line("app.csv", 7);

  private static LimitEvent message(String text) {
    return LimitEventParser.fromMessage(T, "EX01", text, REF)
        .orElseThrow(() -> new AssertionError("not read: " + text));
  }

  @Test
  void readsTheExchange2003Sp1ClosingWording() {
    LimitEvent e =
        message(
            "Closing Mapi session \"/o=Organization/ou=Administrative"
                + " Group/cn=Recipients/cn=Recipient\" because it exceeded the maximum of 32"
                + " objects of type \"session\".");
    assertThat(e)
        .isEqualTo(
            new LimitEvent(
                T,
                "EX01",
                "recipient",
                "/o=Organization/ou=Administrative Group/cn=Recipients/cn=Recipient",
                null,
                null,
                "session",
                32,
                REF));
  }

  @Test
  void readsTheTemplateWordingWithTheHelpAndSupportTrailer() {
    LimitEvent e =
        message(
            "Mapi session \"/o=First Organization/ou=First Administrative"
                + " Group/cn=Recipients/cn=jdoe\" exceeded the maximum of 32 objects of type"
                + " \"session\".\r\n\r\n"
                + "For more information, see Help and Support Center at"
                + " http://go.microsoft.com/fwlink/events.asp.");
    assertThat(e.user()).isEqualTo("jdoe");
    assertThat(e.limit()).isEqualTo(32);
    assertThat(e.objectType()).isEqualTo("session");
  }

  @Test
  void keepsAGuidOnlyIdentityAsItsLowerCasedKey() {
    LimitEvent e =
        message(
            "Mapi session \"CCCE3FE1-0BDB-4c25-baf9-d3ea6bb9af99\" exceeded the maximum of 500"
                + " objects of type \"objtFolder\".");
    assertThat(e.user()).isEqualTo("ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99");
    assertThat(e.sessionGuid()).isEqualTo("ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99");
    assertThat(e.dn()).isNull();
    assertThat(e.isSessionLimit()).isFalse();
  }

  @Test
  void splitsGuidAndDn() {
    LimitEvent e =
        message(
            "Mapi session \"ba765653-5439-437a-993f-806575b85fbb: /o=My Company/ou=First"
                + " Administrative Group/cn=Recipients/cn=User\" exceeded the maximum of 500"
                + " objects of type \"objtFolder\".");
    assertThat(e.sessionGuid()).isEqualTo("ba765653-5439-437a-993f-806575b85fbb");
    assertThat(e.dn())
        .isEqualTo("/o=My Company/ou=First Administrative Group/cn=Recipients/cn=User");
    assertThat(e.user()).isEqualTo("user");
  }

  @Test
  void readsTheTypeWithoutQuotesAsTheExchange2007DocumentationPrintsIt() {
    LimitEvent e =
        message(
            "Closing Mapi session \"/o=Exchange Organization/ou=Exchange Administrative Group"
                + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=user\" exceeded the maximum of 500 objects"
                + " of type objtFolder.");
    assertThat(e.objectType()).isEqualTo("objtFolder");
    assertThat(e.dn()).endsWith("(FYDIBOHF23SPDLT)/cn=Recipients/cn=user");
  }

  @Test
  void readsTheClientType() {
    LimitEvent e =
        message(
            "Mapi session \"7f1e2d3c-0000-4000-8000-00000000abcd: /o=Org/ou=Exchange Administrative"
                + " Group"
                + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=0123456789abcdef0123456789abcdef-jdoe\" with"
                + " client type \"MoMT\" exceeded the maximum of 32 objects of type \"session\".");
    assertThat(e.clientType()).isEqualTo("MoMT");
    assertThat(e.user()).isEqualTo("jdoe");
  }

  @Test
  void acceptsTypographicQuotesAndKeepsApostrophesInTheDn() {
    LimitEvent e =
        message(
            "Mapi session \u201C/o=Org/ou=Sales (EMEA)/cn=Recipients/cn=O\u2019Brien, Pat\u201D"
                + " exceeded the maximum of 250 objects of type \u201CobjtMessage\u201D.");
    assertThat(e.dn()).isEqualTo("/o=Org/ou=Sales (EMEA)/cn=Recipients/cn=O\u2019Brien, Pat");
    assertThat(e.user()).isEqualTo("o\u2019brien, pat");
    assertThat(e.objectType()).isEqualTo("objtMessage");
  }

  @Test
  void acceptsLowGermanQuotesAndSingleTypographicQuotes() {
    assertThat(
            message(
                    "Mapi session \u201E/o=Org/cn=Recipients/cn=anna\u201C exceeded the maximum of"
                        + " 32 objects of type \u201Esession\u201C.")
                .user())
        .isEqualTo("anna");
    assertThat(
            message(
                    "Mapi session \u2018/o=Org/cn=Recipients/cn=ben\u2019 exceeded the maximum of"
                        + " 16 objects of type \u2018session\u2019.")
                .limit())
        .isEqualTo(16);
  }

  @Test
  void joinsADnThatAViewerWrappedKeepingItsCase() {
    LimitEvent e =
        message(
            "Mapi session \"/o=First Organization/ou=Exchange Administrative \r\n"
                + "    Group (FYDIBOHF23SPDLT)/cn=Recip\r\n"
                + "ients/cn=E-mailUser\" exceeded the maximum\r\n"
                + "of 16 objects of type \"session\".");
    assertThat(e.dn())
        .isEqualTo(
            "/o=First Organization/ou=Exchange Administrative Group"
                + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=E-mailUser");
    assertThat(e.user()).isEqualTo("e-mailuser");
  }

  @Test
  void readsABreakThatReplacedASpaceAsThatSpace() {
    LimitEvent e =
        message(
            "Mapi session \"/o=Org/cn=Recipients/cn=jdoe\" exceeded the maximum of\n"
                + "32 objects of\n"
                + "type \"session\".");
    assertThat(e.limit()).isEqualTo(32);
    assertThat(e.user()).isEqualTo("jdoe");
  }

  @Test
  void keepsUnknownObjectTypesAsLogged() {
    assertThat(
            message(
                    "Mapi session \"/o=Org/cn=x\" exceeded the maximum of 50 objects of type"
                        + " \"objtSomethingNew\".")
                .objectType())
        .isEqualTo("objtSomethingNew");
  }

  @Test
  void readsTheInsertionStringsOfTheEventData() {
    LimitEvent e =
        LimitEventParser.fromInsertionStrings(
                T,
                "Servername.contoso.com",
                List.of(
                    "/o=First Organization/ou=Exchange Administrative Group"
                        + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=E-mailUser",
                    "16",
                    "session"),
                REF)
            .orElseThrow();
    assertThat(e)
        .isEqualTo(
            new LimitEvent(
                T,
                "Servername.contoso.com",
                "e-mailuser",
                "/o=First Organization/ou=Exchange Administrative Group"
                    + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=E-mailUser",
                null,
                null,
                "session",
                16,
                REF));
  }

  @Test
  void refusesInsertionStringsWithoutALimitOrType() {
    assertThat(
            LimitEventParser.fromInsertionStrings(
                T, null, List.of("/o=Org/cn=x", "many", "session"), REF))
        .isEmpty();
    assertThat(LimitEventParser.fromInsertionStrings(T, null, List.of("/o=Org/cn=x", "32"), REF))
        .isEmpty();
    assertThat(LimitEventParser.fromInsertionStrings(T, null, List.of(" ", "32", "session"), REF))
        .isEmpty();
  }

  @Test
  void refusesTextThatIsNotA9646() {
    assertThat(
            LimitEventParser.fromMessage(
                T, null, "The Microsoft Exchange Information Store service was started.", REF))
        .isEmpty();
    assertThat(
            LimitEventParser.fromMessage(
                T,
                null,
                "Mapi session \"\" exceeded the maximum of 32 objects of type \"session\".",
                REF))
        .isEmpty();
    assertThat(LimitEventParser.fromMessage(T, null, null, REF)).isEmpty();
  }

  @Test
  void readsTheStringsOfADescriptionVistaEventViewerCouldNotRender() {
    String text =
        "The description for Event ID 9646 from source MSExchangeIS cannot be found. Either the"
            + " component that raises this event is not installed on your local computer or the"
            + " installation is corrupted.\r\n\r\n"
            + "If the event originated on another computer, the display information had to be saved"
            + " with the event.\r\n\r\n"
            + "The following information was included with the event: \r\n\r\n"
            + "/o=Org/ou=AG/cn=Recipients/cn=jdoe\r\n"
            + "32\r\n"
            + "session\r\n\r\n"
            + "the message resource is present but the message is not found in the string/message"
            + " table\r\n";
    LimitEvent e = message(text);
    assertThat(e.user()).isEqualTo("jdoe");
    assertThat(e.limit()).isEqualTo(32);
    assertThat(e.objectType()).isEqualTo("session");
  }

  @Test
  void readsTheStringsOfADescriptionGetEventLogCouldNotRender() {
    String text =
        "The description for Event ID '9646' in Source 'MSExchangeIS' cannot be found.  The local"
            + " computer may not have the necessary Registry information or message DLL files to"
            + " display the message, or you may not have permission to access them.  The following"
            + " information is part of the event:'ba765653-5439-437a-993f-806575b85fbb:"
            + " /o=Org/cn=Recipients/cn=O'Hara', '500', 'objtFolder'";
    LimitEvent e = message(text);
    assertThat(e.user()).isEqualTo("o'hara");
    assertThat(e.sessionGuid()).isEqualTo("ba765653-5439-437a-993f-806575b85fbb");
    assertThat(e.objectType()).isEqualTo("objtFolder");
  }

  @Test
  void readsTheStringsOfADescriptionServer2003CouldNotRender() {
    String text =
        "The description for Event ID ( 9646 ) in Source ( MSExchangeIS ) cannot be found. The"
            + " local computer may not have the necessary registry information or message DLL files"
            + " to display messages from a remote computer. You may be able to use the /AUXSOURCE="
            + " flag to retrieve this description; see Help and Support for details. The following"
            + " information is part of the event: /o=Org/ou=Sales, Berlin/cn=Recipients/cn=jdoe,"
            + " 32, session.";
    LimitEvent e = message(text);
    assertThat(e.dn()).isEqualTo("/o=Org/ou=Sales, Berlin/cn=Recipients/cn=jdoe");
    assertThat(e.limit()).isEqualTo(32);
  }

  @Test
  void recognisesTheStoreAsSourceAndTheIdWithQualifiers() {
    assertThat(LimitEventParser.isLimitEvent("MSExchangeIS", 9646)).isTrue();
    assertThat(LimitEventParser.isLimitEvent("MSExchangeIS Mailbox Store", 3221235118L)).isTrue();
    assertThat(LimitEventParser.isLimitEvent("msexchangeis", 9646)).isTrue();
    assertThat(LimitEventParser.isLimitEvent("MSExchangeTransport", 9646)).isFalse();
    assertThat(LimitEventParser.isLimitEvent("MSExchangeIS", 9645)).isFalse();
    assertThat(LimitEventParser.isLimitEvent(null, 9646)).isFalse();
  }
}
