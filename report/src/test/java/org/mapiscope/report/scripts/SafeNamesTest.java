package org.mapiscope.report.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class SafeNamesTest {

  @Test
  void filePartsNeverClimbOutOrCarrySeparators() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 60))
        .checkAssert(
            s -> {
              String part = SafeNames.filePart(s);
              assertThat(part).matches("[a-z0-9][a-z0-9.-]{0,39}").doesNotContain("..");
            });
    assertThat(SafeNames.filePart("../../Windows")).isEqualTo("windows");
    assertThat(SafeNames.filePart("")).isEqualTo("x");
  }

  @Test
  void anAcceptedAccountIsOneSingleQuotedPowerShellToken() {
    // Names made of every character an account may hold, quotes included.
    String alphabet = "ab1 ._@'\\-\u00e9";
    var names =
        lists()
            .of(integers().between(0, alphabet.length() - 1))
            .ofSizeBetween(0, 20)
            .map(
                ix ->
                    ix.stream()
                            .map(i -> String.valueOf(alphabet.charAt(i)))
                            .reduce("a", String::concat)
                        + "b");
    qt().forAll(names)
        .checkAssert(
            s -> {
              assertThat(SafeNames.isAccount(s)).isTrue();
              String quoted = SafeNames.psQuote(s);
              String inner = quoted.substring(1, quoted.length() - 1);
              // Inside, every quote character comes doubled, so the literal cannot end early.
              assertThat(inner.replace("''", "")).doesNotContain("'");
              assertThat(inner).doesNotContainPattern("[\u2018\u2019\u201A\u201B\\p{Cntrl}$`\"]");
            });
  }

  @Test
  void accountsWithTypographicQuotesOrCodeAreRefused() {
    assertThat(SafeNames.isAccount("besadmin")).isTrue();
    assertThat(SafeNames.isAccount("CONTOSO\\besadmin")).isTrue();
    assertThat(SafeNames.isAccount("bes\u2019admin")).isFalse();
    assertThat(SafeNames.isAccount("x$(Remove-Item c:)")).isFalse();
    assertThat(SafeNames.isAccount(" padded")).isFalse();
    assertThat(SafeNames.isHost("EX1.contoso.com")).isTrue();
    assertThat(SafeNames.isHost("ex1\\..")).isFalse();
    assertThat(SafeNames.isRegistryKey("SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters"))
        .isTrue();
    assertThat(SafeNames.isRegistryKey("SYSTEM]\r\n[HKEY_LOCAL_MACHINE\\X")).isFalse();
  }
}
