package org.mapiscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserKeysTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/o=Org/ou=First Administrative Group/cn=Recipients/cn=JDoe | jdoe",
        "/o=Org/ou=Exchange Administrative Group"
            + " (FYDIBOHF23SPDLT)/cn=Recipients/cn=f01996703bbf4d0a9fb073ebb71a154f-user name |"
            + " user name",
        "CCCE3FE1-0BDB-4c25-baf9-d3ea6bb9af99 | ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99",
        "ba765653-5439-437a-993f-806575b85fbb: /o=My Company/ou=First Administrative"
            + " Group/cn=Recipients/cn=user | user",
        "CONTOSO\\JDoe | jdoe",
        "'' | ''",
      })
  void derivesTheKeyThatJoinsEvidence(String identity, String key) {
    assertThat(UserKeys.fromIdentity(identity)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ba765653-5439-437a-993f-806575b85fbb: /o=My Company/cn=Recipients/cn=User | /o=My"
            + " Company/cn=Recipients/cn=User",
        "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99 | ",
      })
  void findsTheDnKeepingItsCase(String identity, String dn) {
    assertThat(UserKeys.dnOf(identity)).isEqualTo(dn);
  }

  /** The key of a DN as first written, with a regex and a case-folded copy: the reference. */
  private static String referenceKeyOfDn(String dn) {
    String lower = dn.toLowerCase(Locale.ROOT);
    int cn = lower.lastIndexOf("/cn=");
    String last = cn >= 0 ? lower.substring(cn + 4) : lower.substring(lower.lastIndexOf('=') + 1);
    last = last.strip();
    Matcher hex = Pattern.compile("^[0-9a-f]{32}-(.+)$").matcher(last);
    return hex.matches() ? hex.group(1) : last;
  }

  private static final List<String> PIECES =
      List.of(
          "/o=",
          "/O=",
          "/cn=",
          "/CN=",
          "/Cn=",
          "/ou=",
          "=",
          "-",
          " ",
          "\\",
          "\n",
          "Org",
          "JDoe",
          "f01996703bbf4d0a9fb073ebb71a154f",
          "F01996703BBF4D0A9FB073EBB71A154F",
          "x/");

  @Test
  void derivesTheKeysOfTheReferenceDerivation() {
    qt().withExamples(5000)
        .forAll(lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 12))
        .checkAssert(
            picks -> {
              String identity = picks.stream().map(PIECES::get).collect(Collectors.joining());
              String dn = UserKeys.dnOf(identity);
              if (dn != null) {
                assertThat(UserKeys.fromIdentity(identity)).isEqualTo(referenceKeyOfDn(dn));
              }
              int reference = identity.toLowerCase(Locale.ROOT).indexOf("/o=");
              assertThat(dn == null).isEqualTo(reference < 0);
              if (dn != null) {
                assertThat(dn).isEqualTo(identity.substring(reference).strip());
              }
            });
  }

  /** The whole derivation as first written: the reference for the shortcut taken for keys. */
  private static String referenceKey(String identity) {
    String id = identity.strip();
    String dn = UserKeys.dnOf(id);
    if (dn != null) {
      return referenceKeyOfDn(dn);
    }
    Matcher m =
        Pattern.compile(
                "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?")
            .matcher(id);
    if (m.lookingAt()) {
      return m.group(1).toLowerCase(Locale.ROOT);
    }
    int slash = id.lastIndexOf('\\');
    return (slash >= 0 ? id.substring(slash + 1) : id).strip().toLowerCase(Locale.ROOT);
  }

  private static final List<String> KEY_PIECES =
      List.of(
          "jdoe",
          "J",
          "-",
          " ",
          "{",
          "}",
          "\\",
          "/",
          "@",
          ".",
          "ä",
          "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99",
          "CCCE3FE1-0BDB-4c25-baf9-d3ea6bb9af99",
          "12345678",
          "-0bdb-4c25-baf9-d3ea6bb9af99x");

  @Test
  void keysAndOtherTextDeriveAsTheReferenceDoes() {
    qt().withExamples(5000)
        .forAll(lists().of(integers().between(0, KEY_PIECES.size() - 1)).ofSizeBetween(0, 6))
        .checkAssert(
            picks -> {
              String identity = picks.stream().map(KEY_PIECES::get).collect(Collectors.joining());
              assertThat(UserKeys.fromIdentity(identity)).isEqualTo(referenceKey(identity));
            });
  }
}
