package org.mapiscope.analysis;

/**
 * A server change a remedy prescribes. The report renders each as a script plus a rollback that
 * restores the previous value read from the evidence.
 */
public sealed interface FixChange permits FixChange.RegistryDword, FixChange.ThrottlingPolicy {

  /**
   * Set a REG_DWORD under HKLM.
   *
   * @param server the server to run it on, or {@code null} for "each affected server"
   * @param key key path below HKLM (e.g. {@code
   *     SYSTEM\CurrentControlSet\Services\Tcpip\Parameters})
   * @param valueName value name
   * @param newValue value to set (0..0xFFFFFFFF)
   * @param previousValue value read from the evidence, or {@code null} when it was absent (rollback
   *     deletes it)
   */
  record RegistryDword(
      String server, String key, String valueName, long newValue, Long previousValue)
      implements FixChange {}

  /**
   * Exchange 2010+: a dedicated throttling policy for one account, RCA limits as given.
   *
   * @param account the account (user key or alias) to assign the policy to
   * @param policyName name of the new policy
   * @param rcaMaxConcurrency new RCAMaxConcurrency; {@code null} = unlimited ({@code $null})
   * @param previousPolicy the policy the account had, or {@code null} for the default policy
   */
  record ThrottlingPolicy(
      String account, String policyName, Integer rcaMaxConcurrency, String previousPolicy)
      implements FixChange {}
}
