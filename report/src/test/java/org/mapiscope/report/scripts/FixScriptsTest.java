package org.mapiscope.report.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.FixChange;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.model.Cause;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.report.Fixtures;

class FixScriptsTest {

  private final ScriptSet set = FixScripts.render(Fixtures.result());

  @Test
  void numbersScriptsInTheExpertsOrderAndRendersSharedChangesOnce() {
    assertThat(set.units())
        .extracting(ScriptUnit::script)
        .containsExactly("01-throttling-policy-besadmin.ps1", "02-keepalive-ex1.reg");
    assertThat(set.files())
        .extracting(ScriptFile::name)
        .containsExactly(
            "01-throttling-policy-besadmin.ps1",
            "01-throttling-policy-besadmin-rollback.ps1",
            "02-keepalive-ex1.reg",
            "02-keepalive-ex1-rollback.reg",
            "README.txt");
    assertThat(set.forRemedy(Fixtures.LOWER_KEEPALIVE)).hasSize(1);
  }

  @Test
  void regFilesAreUtf16WithBomAndCrlfLikeRegedit() {
    byte[] bytes = set.file("02-keepalive-ex1.reg").orElseThrow().bytes();
    assertThat(bytes[0]).isEqualTo((byte) 0xFF);
    assertThat(bytes[1]).isEqualTo((byte) 0xFE);
    String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n");
    assertThat(text)
        .contains(
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n"
                + "\"KeepAliveTime\"=dword:001b7740\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
  }

  @Test
  void rollbackDeletesAValueThatWasAbsentAndRestoresOneThatWasThere() {
    assertThat(set.file("02-keepalive-ex1-rollback.reg").orElseThrow().text())
        .contains("\"KeepAliveTime\"=-\r\n");
    FixChange raise =
        new FixChange.RegistryDword(
            "EX2",
            ExchangeDefaults.STORE_PARAMETERS_KEY,
            ExchangeDefaults.MAX_SESSIONS_PER_USER,
            40,
            32L);
    ScriptSet one =
        FixScripts.render(
            resultWith(
                new Remedy(
                    3, Remedy.Action.RAISE_SESSION_LIMIT, "Raise the limit", "", List.of(raise))));
    ScriptUnit unit = one.units().get(0);
    assertThat(one.file(unit.script()).orElseThrow().text())
        .contains("\"Maximum Allowed Sessions Per User\"=dword:00000028");
    assertThat(one.file(unit.rollback()).orElseThrow().text())
        .contains("\"Maximum Allowed Sessions Per User\"=dword:00000020");
    assertThat(unit.restart()).contains("MSExchangeIS");
  }

  @Test
  void keepAliveNeedsAReboot() {
    assertThat(set.units().get(1).restart()).contains("Reboot");
    assertThat(set.units().get(1).verify().get(0))
        .startsWith(
            "reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\" /v"
                + " \"KeepAliveTime\"");
  }

  @Test
  void policyScriptTouchesOnlyThatAccountAndRollbackRemovesTheAssociation() {
    String apply = set.file("01-throttling-policy-besadmin.ps1").orElseThrow().text();
    assertThat(apply)
        .contains(
            "$account = 'besadmin'",
            "$policy = 'BESPolicy'",
            "New-ThrottlingPolicy -Name $policy",
            "Set-ThrottlingPolicy -Identity $policy -RCAMaxConcurrency $null",
            "Set-Mailbox -Identity $account -ThrottlingPolicy $policy");
    String undo = set.file("01-throttling-policy-besadmin-rollback.ps1").orElseThrow().text();
    assertThat(undo)
        .contains(
            "Set-Mailbox -Identity $account -ThrottlingPolicy $null", "Remove-ThrottlingPolicy");
    byte[] bytes = set.file("01-throttling-policy-besadmin.ps1").orElseThrow().bytes();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
  }

  @Test
  void rollbackRestoresAPreviousPolicyByName() {
    FixChange c = new FixChange.ThrottlingPolicy("o'brien", "Archive Policy", 80, "OldPolicy");
    ScriptSet one =
        FixScripts.render(
            resultWith(
                new Remedy(1, Remedy.Action.DEDICATED_THROTTLING_POLICY, "t", "", List.of(c))));
    ScriptUnit unit = one.units().get(0);
    assertThat(one.file(unit.script()).orElseThrow().text())
        .contains("$account = 'o''brien'", "-RCAMaxConcurrency 80");
    assertThat(one.file(unit.rollback()).orElseThrow().text())
        .contains("-ThrottlingPolicy 'OldPolicy'");
  }

  @Test
  void unsafeValuesAreRefusedWithAReasonNotRendered() {
    FixChange evilAccount =
        new FixChange.ThrottlingPolicy("bes\u2019; Remove-Mailbox x", "P", null, null);
    FixChange evilServer =
        new FixChange.RegistryDword(
            "..\\..\\evil", ExchangeDefaults.TCPIP_PARAMETERS_KEY, "KeepAliveTime", 1, null);
    FixChange tooBig =
        new FixChange.RegistryDword(
            "EX1", ExchangeDefaults.TCPIP_PARAMETERS_KEY, "KeepAliveTime", 0x1_0000_0000L, null);
    ScriptSet bad =
        FixScripts.render(
            resultWith(
                new Remedy(
                    1, Remedy.Action.DEDICATED_THROTTLING_POLICY, "a", "", List.of(evilAccount)),
                new Remedy(2, Remedy.Action.LOWER_KEEPALIVE, "b", "", List.of(evilServer)),
                new Remedy(2, Remedy.Action.LOWER_KEEPALIVE, "c", "", List.of(tooBig))));
    assertThat(bad.units()).isEmpty();
    assertThat(bad.skipped())
        .extracting(ScriptSet.Skipped::reason)
        .anyMatch(r -> r.contains("account"))
        .anyMatch(r -> r.contains("server"))
        .anyMatch(r -> r.contains("REG_DWORD"));
    assertThat(bad.file(ScriptSet.README).orElseThrow().text()).contains("Not written");
  }

  @Test
  void serverlessChangesGoToOneFileForAllServersAndServersGetTheirOwn() {
    Remedy r =
        new Remedy(
            2,
            Remedy.Action.LOWER_KEEPALIVE,
            "Lower KeepAliveTime",
            "",
            List.of(
                new FixChange.RegistryDword(
                    null, ExchangeDefaults.TCPIP_PARAMETERS_KEY, "KeepAliveTime", 900_000, null),
                new FixChange.RegistryDword(
                    "EX2.contoso.com",
                    ExchangeDefaults.TCPIP_PARAMETERS_KEY,
                    "KeepAliveTime",
                    900_000,
                    7_200_000L)));
    ScriptSet two = FixScripts.render(resultWith(r));
    assertThat(two.forRemedy(r))
        .extracting(ScriptUnit::script)
        .containsExactly("01-keepalive-all-servers.reg", "02-keepalive-ex2.contoso.com.reg");
  }

  @Test
  void readmeSaysOrderRestartsAndVerification() {
    String readme = set.file(ScriptSet.README).orElseThrow().text();
    assertThat(readme)
        .contains(
            "01  Give besadmin",
            "02  Lower KeepAliveTime",
            "Reboot",
            "reg query",
            "Get-ThrottlingPolicyAssociation",
            "mapiscope compare",
            "reverse order");
  }

  @Test
  void readmeNumbersStepsAsTheConsoleDoesAndSavesBeforeJsonFirst() {
    String readme = set.file(ScriptSet.README).orElseThrow().text();
    // Console: 1. Close Outlook (by hand), 2. Give besadmin -> 01-…ps1, 3. Lower KeepAliveTime ->
    // 02-…reg.
    assertThat(readme)
        .contains(
            "  1. Close Outlook before disconnecting the VPN  [jdoe]",
            "by hand (no script)",
            "  2. Give besadmin its own throttling policy  [besadmin]",
            "script 01-throttling-policy-besadmin.ps1",
            "  3. Lower KeepAliveTime to 30 minutes on EX1",
            "script 02-keepalive-ex1.reg",
            "01  Give besadmin its own throttling policy  (step 2)",
            "02  Lower KeepAliveTime to 30 minutes on EX1  (step 3)",
            "Step 1 is done by hand");
    assertThat(readme.indexOf("mapiscope analyze <evidence> --json before.json"))
        .isNotNegative()
        .isLessThan(readme.indexOf("mapiscope compare before.json after.json"));
    assertThat(readme).doesNotContain("No server change is prescribed");
  }

  @Test
  void readmeWithoutCausesPrescribesNothingAndNamesNoClientSideCauses() {
    AnalysisResult base = Fixtures.result();
    ScriptSet none =
        FixScripts.render(
            new AnalysisResult(
                base.limitEvents(),
                base.sessions(),
                base.settings(),
                List.of(),
                base.recommendations()));
    String readme = none.file(ScriptSet.README).orElseThrow().text();
    assertThat(readme).contains("found no cause");
    assertThat(readme).doesNotContain("client-side", "Fix the client", "mapiscope compare");
  }

  @Test
  void readmeOfARefusedScriptSaysAChangeIsPrescribedButNotWritten() {
    FixChange tooBig =
        new FixChange.RegistryDword(
            "EX1", ExchangeDefaults.TCPIP_PARAMETERS_KEY, "KeepAliveTime", 0x1_0000_0000L, null);
    ScriptSet bad =
        FixScripts.render(
            resultWith(
                new Remedy(
                    2, Remedy.Action.LOWER_KEEPALIVE, "Lower KeepAliveTime", "", List.of(tooBig))));
    String readme = bad.file(ScriptSet.README).orElseThrow().text();
    assertThat(readme).doesNotContain("No server change is prescribed", "client-side causes");
    assertThat(readme)
        .contains(
            "  1. Lower KeepAliveTime",
            "script not written",
            "A server change is prescribed for step 1",
            "REG_DWORD",
            "No script was written.");
  }

  @Test
  void writesIntoTheDirectoryOnly(@TempDir Path dir) throws IOException {
    set.writeTo(new DirectoryTarget(dir));
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(5);
    }
    DirectoryTarget target = new DirectoryTarget(dir.resolve("scripts"));
    assertThatThrownBy(() -> target.write("../escape.reg", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> target.write("sub/x.reg", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static AnalysisResult resultWith(Remedy... remedies) {
    AnalysisResult base = Fixtures.result();
    Finding f =
        new Finding(
            Finding.Scope.SERVER,
            "EX1",
            Cause.KEEPALIVE_TOO_LONG,
            0.5,
            "s",
            List.of(),
            List.of(remedies));
    return new AnalysisResult(
        base.limitEvents(), base.sessions(), base.settings(), List.of(f), base.recommendations());
  }
}
