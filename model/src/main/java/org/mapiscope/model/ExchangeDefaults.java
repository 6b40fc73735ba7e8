package org.mapiscope.model;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Exchange and Windows facts that every stage relies on: setting names, their defaults, and the
 * per-session object caps. Each fact names its source; nothing here is repeated elsewhere.
 */
public final class ExchangeDefaults {

  private ExchangeDefaults() {}

  /** Registry key of the TCP/IP keepalive settings (HKLM). */
  public static final String TCPIP_PARAMETERS_KEY =
      "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters";

  /** Registry key of the store's limits (HKLM). KB842022, KB830829. */
  public static final String STORE_PARAMETERS_KEY =
      "SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem";

  /** Subkey of {@link #STORE_PARAMETERS_KEY} holding one DWORD per object type. KB830829. */
  public static final String MAX_OBJS_SUBKEY = "MaxObjsPerMapiSession";

  public static final String KEEP_ALIVE_TIME = "KeepAliveTime";
  public static final String KEEP_ALIVE_INTERVAL = "KeepAliveInterval";
  public static final String TCP_MAX_DATA_RETRANSMISSIONS = "TcpMaxDataRetransmissions";
  public static final String MAX_SESSIONS_PER_USER = "Maximum Allowed Sessions Per User";
  public static final String MAX_SERVICE_SESSIONS_PER_USER =
      "Maximum Allowed Service Sessions Per User";
  public static final String DISABLE_SESSION_LIMIT = "Disable Session Limit";

  /** Absent KeepAliveTime means 2 hours (Windows TCP/IP registry reference). */
  public static final long KEEP_ALIVE_TIME_MS = 7_200_000L;

  /** Absent KeepAliveInterval means 1 second (Windows TCP/IP registry reference). */
  public static final long KEEP_ALIVE_INTERVAL_MS = 1_000L;

  /** Unanswered keepalive probes before a peer is declared dead; fixed at 10 on Vista/2008+. */
  public static final int KEEP_ALIVE_PROBES = 10;

  /** KB324270 (Exchange 2003 era): 5 minutes. */
  public static final long KEEP_ALIVE_KB324270_MS = 300_000L;

  /** CSS-Exchange HealthChecker: 15–30 minutes is green on Exchange 2013+. */
  public static final long KEEP_ALIVE_HEALTHCHECKER_MIN_MS = 900_000L;

  public static final long KEEP_ALIVE_HEALTHCHECKER_MAX_MS = 1_800_000L;

  /**
   * Event 9646, "Mapi session … exceeded the maximum of N objects of type …" (low 16 bits;
   * KB842022, KB980049).
   */
  public static final int LIMIT_EVENT_ID = 9646;

  /**
   * The information store's event source; Exchange 2003 also logs as "MSExchangeIS Mailbox Store".
   */
  public static final String STORE_EVENT_SOURCE = "MSExchangeIS";

  /**
   * Qualifiers of MSExchangeIS error events: severity bits 0xC000 plus facility 6 (KB980049's
   * export).
   */
  public static final int STORE_ERROR_QUALIFIERS = 49158;

  /** The object type of the per-user session cap in Event 9646. */
  public static final String SESSION_OBJECT_TYPE = "session";

  /** Outlook/MAPI sessions per user (KB842022, Exchange 2003 SP1+). */
  public static final int SESSIONS_PER_USER = 32;

  /** Service sessions per user: OWA, EAS, EWS, POP, IMAP (KB980049). */
  public static final int SERVICE_SESSIONS_PER_USER = 16;

  /** Per-session object caps, Exchange 2003 SP1 – 2010 (KB830829, Exchange 2007 docs). */
  public static final Map<String, Integer> OBJECT_LIMITS =
      Map.ofEntries(
          Map.entry("objtMessage", 250),
          Map.entry("objtFolder", 500),
          Map.entry("objtFolderView", 500),
          Map.entry("objtMessageView", 500),
          Map.entry("objtAttachment", 500),
          Map.entry("objtAttachView", 500),
          Map.entry("objtStream", 250),
          Map.entry("objtNotify", 500_000),
          Map.entry("objtACLView", 50),
          Map.entry("objtRulesView", 50),
          Map.entry("objtFXSrcStrm", 50),
          Map.entry("objtFXDstStrm", 50),
          Map.entry("objtCStream", 50));

  /** 0 = the session limit is enforced (ExBPA: any other value disables it). */
  public static final long DISABLE_SESSION_LIMIT_DEFAULT = 0L;

  /** What applies when a setting is absent from the registry, by canonical setting name. */
  public static OptionalLong defaultValue(String settingName) {
    switch (settingName) {
      case KEEP_ALIVE_TIME:
        return OptionalLong.of(KEEP_ALIVE_TIME_MS);
      case KEEP_ALIVE_INTERVAL:
        return OptionalLong.of(KEEP_ALIVE_INTERVAL_MS);
      case MAX_SESSIONS_PER_USER:
        return OptionalLong.of(SESSIONS_PER_USER);
      case MAX_SERVICE_SESSIONS_PER_USER:
        return OptionalLong.of(SERVICE_SESSIONS_PER_USER);
      case DISABLE_SESSION_LIMIT:
        return OptionalLong.of(DISABLE_SESSION_LIMIT_DEFAULT);
      default:
        String prefix = MAX_OBJS_SUBKEY + "\\";
        Integer cap =
            settingName.startsWith(prefix)
                ? OBJECT_LIMITS.get(settingName.substring(prefix.length()))
                : null;
        return cap == null ? OptionalLong.empty() : OptionalLong.of(cap);
    }
  }

  /** Canonical setting name of a per-object cap, as {@link Setting#name()} carries it. */
  public static String objectLimitSetting(String objectType) {
    return MAX_OBJS_SUBKEY + "\\" + objectType;
  }

  /** Time after the last activity at which TCP keepalive declares a silent peer dead. */
  public static long deadPeerDetectionMs(
      long keepAliveTimeMs, long keepAliveIntervalMs, int probes) {
    return keepAliveTimeMs + probes * keepAliveIntervalMs;
  }
}
