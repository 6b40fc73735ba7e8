package org.mapiscope.report.scripts;

import java.util.List;
import org.mapiscope.analysis.FixChange.ThrottlingPolicy;

/**
 * Renders a dedicated throttling policy for one account (Exchange 2010+) as a PowerShell script for
 * the Exchange Management Shell, and the script that puts the previous policy back. Every value is
 * validated first and written as a single-quoted literal.
 */
final class PolicyScripts {

  private PolicyScripts() {}

  /** Why a change cannot be rendered safely, or {@code null} when it can. */
  static String problem(ThrottlingPolicy c) {
    if (!SafeNames.isAccount(c.account())) {
      return "account name contains characters that are not safe in a script";
    }
    if (!SafeNames.isPolicyName(c.policyName())) {
      return "policy name must be letters, digits, space, dot, dash or underscore (at most 64)";
    }
    if (c.previousPolicy() != null && !SafeNames.isPolicyName(c.previousPolicy())) {
      return "previous policy name contains unexpected characters";
    }
    if (c.rcaMaxConcurrency() != null && c.rcaMaxConcurrency() < 0) {
      return "RCAMaxConcurrency must not be negative";
    }
    return null;
  }

  static byte[] apply(String title, String rollbackName, ThrottlingPolicy c) {
    ScriptText t = header(title, c);
    t.comment(
        "#",
        "Undo with "
            + rollbackName
            + ". No restart needed; allow a few minutes for the policy to apply.");
    t.comment(
        "#",
        "The policy must not exist yet, so the rollback can remove it without touching anything"
            + " else.");
    t.line("if (Get-ThrottlingPolicy -Identity $policy -ErrorAction SilentlyContinue) {");
    t.line(
        "    throw \"Throttling policy '$policy' already exists; choose another name or assign it"
            + " by hand.\"");
    t.line("}");
    t.line("New-ThrottlingPolicy -Name $policy | Out-Null");
    String limit =
        c.rcaMaxConcurrency() == null ? "$null" : Integer.toString(c.rcaMaxConcurrency());
    t.line("Set-ThrottlingPolicy -Identity $policy -RCAMaxConcurrency " + limit);
    t.comment("#", "Only this account gets the policy; everyone else keeps the default limits.");
    t.line("Set-Mailbox -Identity $account -ThrottlingPolicy $policy");
    t.line("Get-Mailbox -Identity $account | Format-List Name, ThrottlingPolicy");
    return t.utf8WithBom();
  }

  static byte[] rollback(String title, ThrottlingPolicy c) {
    ScriptText t = header("Undo: " + title, c);
    String previous = c.previousPolicy() == null ? "$null" : SafeNames.psQuote(c.previousPolicy());
    t.comment(
        "#",
        c.previousPolicy() == null
            ? "The account had the default policy; remove its association."
            : "Put back the policy the account had before.");
    t.line("Set-Mailbox -Identity $account -ThrottlingPolicy " + previous);
    t.comment("#", "Remove the dedicated policy once nothing else uses it.");
    t.line(
        "$users = @(Get-ThrottlingPolicyAssociation -ResultSize Unlimited | Where-Object {"
            + " \"$($_.ThrottlingPolicyId)\" -eq $policy })");
    t.line("if ($users.Count -eq 0) { Remove-ThrottlingPolicy -Identity $policy -Confirm:$false }");
    t.line(
        "else { Write-Warning \"Policy '$policy' is still assigned to $($users.Count) recipient(s);"
            + " left in place.\" }");
    t.line("Get-Mailbox -Identity $account | Format-List Name, ThrottlingPolicy");
    return t.utf8WithBom();
  }

  private static ScriptText header(String title, ThrottlingPolicy c) {
    ScriptText t = new ScriptText();
    t.comment("#", "mapiscope: " + title);
    t.comment("#", "Run in the Exchange Management Shell (Exchange 2010 or later).");
    t.line("$ErrorActionPreference = 'Stop'");
    t.line("$account = " + SafeNames.psQuote(c.account()));
    t.line("$policy = " + SafeNames.psQuote(c.policyName()));
    return t;
  }

  static List<String> verify(ThrottlingPolicy c) {
    String limit =
        c.rcaMaxConcurrency() == null ? "empty (unlimited)" : c.rcaMaxConcurrency().toString();
    return List.of(
        "Get-Mailbox -Identity "
            + SafeNames.psQuote(c.account())
            + " | Format-List Name, ThrottlingPolicy   (expect "
            + c.policyName()
            + ")",
        "Get-ThrottlingPolicy -Identity "
            + SafeNames.psQuote(c.policyName())
            + " | Format-List Name, RCAMaxConcurrency   (expect "
            + limit
            + ")",
        "Get-ThrottlingPolicyAssociation -Identity "
            + SafeNames.psQuote(c.account())
            + "   (Exchange 2010 SP1 and later)");
  }
}
