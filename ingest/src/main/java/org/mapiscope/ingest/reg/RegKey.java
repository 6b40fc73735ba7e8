package org.mapiscope.ingest.reg;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a .reg key sits, for the settings mapiscope reads: the control set it belongs to ({@code
 * CurrentControlSet} or {@code ControlSet00n}) and which known key it is.
 *
 * @param path the key as written, without brackets
 * @param controlSet {@code CURRENTCONTROLSET}, {@code CONTROLSET001}, …, or {@code null} outside
 *     SYSTEM's control sets
 * @param scope which of the keys that hold 9646-related settings this is
 */
record RegKey(String path, String controlSet, Scope scope) {

  enum Scope {
    /** {@code Services\Tcpip\Parameters}. */
    TCPIP,
    /** {@code Services\Tcpip\Parameters\Interfaces\{guid}}. */
    TCPIP_INTERFACE,
    /** {@code Services\MSExchangeIS\ParametersSystem}. */
    STORE,
    /** {@code Services\MSExchangeIS\ParametersSystem\MaxObjsPerMapiSession}. */
    OBJECTS,
    /**
     * Another key under {@code Services\Tcpip} or {@code Services\MSExchangeIS}: a setting here is
     * misplaced.
     */
    NEARBY,
    /** {@code SYSTEM\Select}, which names the control set in use. */
    SELECT,
    OTHER
  }

  private static final Pattern SYSTEM =
      Pattern.compile(
          "(?:HKEY_LOCAL_MACHINE|HKLM)\\\\SYSTEM\\\\(CURRENTCONTROLSET|CONTROLSET\\d{3})(?:\\\\(.*))?");
  private static final Pattern SELECT_KEY =
      Pattern.compile("(?:HKEY_LOCAL_MACHINE|HKLM)\\\\SYSTEM\\\\SELECT");

  static RegKey of(String path) {
    String upper = path.strip().toUpperCase(Locale.ROOT);
    while (upper.endsWith("\\")) {
      upper = upper.substring(0, upper.length() - 1);
    }
    if (SELECT_KEY.matcher(upper).matches()) {
      return new RegKey(path, null, Scope.SELECT);
    }
    Matcher m = SYSTEM.matcher(upper);
    if (!m.matches()) {
      return new RegKey(path, null, Scope.OTHER);
    }
    String rest = m.group(2) == null ? "" : m.group(2);
    return new RegKey(path, m.group(1), scopeOf(rest));
  }

  private static Scope scopeOf(String rest) {
    return switch (rest) {
      case "SERVICES\\TCPIP\\PARAMETERS" -> Scope.TCPIP;
      case "SERVICES\\MSEXCHANGEIS\\PARAMETERSSYSTEM" -> Scope.STORE;
      case "SERVICES\\MSEXCHANGEIS\\PARAMETERSSYSTEM\\MAXOBJSPERMAPISESSION" -> Scope.OBJECTS;
      default ->
          rest.startsWith("SERVICES\\TCPIP\\PARAMETERS\\INTERFACES\\")
              ? Scope.TCPIP_INTERFACE
              : rest.startsWith("SERVICES\\TCPIP\\")
                      || rest.startsWith("SERVICES\\MSEXCHANGEIS\\")
                      || rest.equals("SERVICES\\TCPIP")
                      || rest.equals("SERVICES\\MSEXCHANGEIS")
                  ? Scope.NEARBY
                  : Scope.OTHER;
    };
  }
}
