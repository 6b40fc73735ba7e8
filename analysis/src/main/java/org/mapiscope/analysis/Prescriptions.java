package org.mapiscope.analysis;

import java.util.List;
import java.util.OptionalLong;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.Setting;

/**
 * The remedies, in the expert's order (docs/domain.md): 1 remove the client-side cause, 2 lower
 * KeepAliveTime, 3 only as a last resort raise a limit, for the one account or server, to the
 * smallest value covering legitimate demand. Values and their sources are in docs/diagnosis.md.
 */
final class Prescriptions {

  static final int CLIENT = 1;
  static final int KEEPALIVE = 2;
  static final int LIMIT = 3;

  private final ExchangeVersion version;

  Prescriptions(ExchangeVersion version) {
    this.version = version;
  }

  /**
   * KeepAliveTime to recommend. Exchange 2003: KB324270's 5 minutes, the value Microsoft gave for
   * 9646 on 2003. Exchange 2007 and later: 30 minutes, the value the Exchange team's TCP/IP
   * guidance names and the top of HealthChecker's 15–30 minute band (anything outside is flagged);
   * 2007/2010 run on the same Windows 2008+ stack, where 5 minutes would be flagged as well.
   */
  long keepAliveTarget() {
    return version == ExchangeVersion.EX2003
        ? ExchangeDefaults.KEEP_ALIVE_KB324270_MS
        : ExchangeDefaults.KEEP_ALIVE_HEALTHCHECKER_MAX_MS;
  }

  String keepAliveReason() {
    return version == ExchangeVersion.EX2003
        ? "KB324270's 5 minutes, Microsoft's advice against stale sessions on Exchange 2003"
        : "30 minutes: the Exchange team's recommended value and the top of the 15–30 minute band "
            + "HealthChecker accepts; keep it below the idle timeout of any firewall or load "
            + "balancer in the path, so that Exchange, not a device, ends dead sessions";
  }

  Remedy lowerKeepAlive(ServerFacts sf) {
    long target = keepAliveTarget();
    Setting read = sf.keepAliveSetting();
    Long previous = read == null ? null : boxed(read.numericValue());
    String now =
        read == null
            ? "absent (Windows uses "
                + SummaryWording.keepAlive(ExchangeDefaults.KEEP_ALIVE_TIME_MS)
                + ")"
            : SummaryWording.keepAlive(sf.keepAliveMs());
    String server = sf.displayName() == null ? "the Exchange server" : sf.displayName();
    return new Remedy(
        KEEPALIVE,
        Remedy.Action.LOWER_KEEPALIVE,
        "Lower TCP KeepAliveTime on " + server + " to " + SummaryWording.keepAlive(target),
        "HKLM\\"
            + ExchangeDefaults.TCPIP_PARAMETERS_KEY
            + "\\"
            + ExchangeDefaults.KEEP_ALIVE_TIME
            + " is "
            + now
            + ". Set it to "
            + target
            + " ("
            + keepAliveReason()
            + "), then restart "
            + "the server (TCP/IP reads it at start). Dead sessions are then reaped about "
            + SummaryWording.duration(target)
            + " after their client vanished instead of "
            + SummaryWording.duration(sf.keepAliveMs())
            + ". Verify: fewer sessions still open long after "
            + "their user connected from elsewhere.",
        List.of(
            new FixChange.RegistryDword(
                sf.displayName(),
                ExchangeDefaults.TCPIP_PARAMETERS_KEY,
                ExchangeDefaults.KEEP_ALIVE_TIME,
                target,
                previous)));
  }

  /** Step 3 for a person or account whose legitimate demand exceeds the cap. */
  Remedy raiseSessionLimit(
      String user, ServerFacts sf, int current, int recommended, String basis) {
    if (version.hasThrottlingPolicies()) {
      return new Remedy(
          LIMIT,
          Remedy.Action.RAISE_SESSION_LIMIT,
          "Last resort: give "
              + user
              + " a throttling policy allowing "
              + recommended
              + " sessions",
          "Only after the steps above. Create a dedicated throttling policy with RCAMaxConcurrency "
              + recommended
              + " and assign it to "
              + user
              + " only ("
              + basis
              + "). The store's own "
              + "per-user cap ("
              + ExchangeDefaults.MAX_SESSIONS_PER_USER
              + ", "
              + current
              + " now) must not be lower. Verify: no more Event 9646 for "
              + user
              + ".",
          List.of(new FixChange.ThrottlingPolicy(user, policyName(user), recommended, null)));
    }
    Setting read = sf.sessionLimitSetting();
    String server = sf.displayName() == null ? "the Exchange server" : sf.displayName();
    return new Remedy(
        LIMIT,
        Remedy.Action.RAISE_SESSION_LIMIT,
        "Last resort: raise the session limit on " + server + " to " + recommended,
        "Only after the steps above. On Exchange "
            + version.label()
            + " the limit is server-wide: set "
            + "HKLM\\"
            + ExchangeDefaults.STORE_PARAMETERS_KEY
            + "\\"
            + ExchangeDefaults.MAX_SESSIONS_PER_USER
            + " from "
            + current
            + " to "
            + recommended
            + " ("
            + basis
            + ", KB842022: the minimum value "
            + "that works), then restart the Information Store. Verify: no more Event 9646 for "
            + user
            + ".",
        List.of(
            new FixChange.RegistryDword(
                sf.displayName(),
                ExchangeDefaults.STORE_PARAMETERS_KEY,
                ExchangeDefaults.MAX_SESSIONS_PER_USER,
                recommended,
                read == null ? null : boxed(read.numericValue()))));
  }

  /**
   * Step 1 for a service account: its own throttling policy (2010+) sized to its demand plus the
   * margin (KB842022: "determine the minimum value that you can use"; vendors' $null is only
   * mentioned), or the store permission that exempts it (2003/2007).
   *
   * @param recommended the sessions to allow, or {@code null} when the evidence proves no demand
   *     above the limit
   */
  Remedy serviceAccount(String user, boolean blackBerry, Integer recommended, String basis) {
    if (version.hasThrottlingPolicies()) {
      String policy = blackBerry ? "BESPolicy" : policyName(user);
      String size =
          recommended == null
              ? "with RCAMaxConcurrency set to the account's observed peak plus a margin (the"
                  + " evidence shows no refusal to size it from)"
              : "with RCAMaxConcurrency " + recommended + " (" + basis + ")";
      return new Remedy(
          CLIENT,
          Remedy.Action.DEDICATED_THROTTLING_POLICY,
          "Give the service account "
              + user
              + " its own throttling policy"
              + (recommended == null ? "" : " allowing " + recommended + " sessions"),
          "Create throttling policy "
              + policy
              + " "
              + size
              + " and assign it to "
              + user
              + " only; every "
              + "other account keeps the default policy."
              + (blackBerry
                  ? " BlackBerry's guide sets the RCA limits of this policy to $null (unlimited); a"
                      + " sized value keeps the store protected if the service misbehaves, so"
                      + " prefer it and use $null only if the vendor requires it."
                  : "")
              + " Verify: the account's sessions are no longer refused.",
          List.of(new FixChange.ThrottlingPolicy(user, policy, recommended, null)));
    }
    return new Remedy(
        CLIENT,
        Remedy.Action.EXEMPT_SERVICE_ACCOUNT,
        "Exempt the service account " + user + " from the per-user session limit",
        "Grant "
            + user
            + " the \"View Information Store Status\" permission on the Exchange organisation"
            + " (KB842022: programs running under an account with it are not affected by the"
            + " sessions-per-user limit). Do not raise the limit for everyone. Verify: no more"
            + " Event 9646 for "
            + user
            + ".",
        List.of());
  }

  private static String policyName(String user) {
    return user.replaceAll("[^A-Za-z0-9-]", "") + "-Sessions";
  }

  private static Long boxed(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }
}
