package org.mapiscope.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
