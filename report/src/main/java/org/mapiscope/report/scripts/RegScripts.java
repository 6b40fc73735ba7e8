package org.mapiscope.report.scripts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapiscope.analysis.FixChange.RegistryDword;
import org.mapiscope.model.ExchangeDefaults;

/** Renders registry changes as regedit files (version 5.00) and their rollbacks. */
final class RegScripts {

  private RegScripts() {}

  private static final long DWORD_MAX = 0xFFFF_FFFFL;

  /** Why a change cannot be rendered safely, or {@code null} when it can. */
  static String problem(RegistryDword c) {
    if (c.server() != null && !SafeNames.isHost(c.server())) {
      return "server name is not a plain host name";
    }
    if (!SafeNames.isRegistryKey(c.key())) {
      return "registry key contains characters a .reg file cannot carry safely";
    }
    if (!SafeNames.isRegistryValueName(c.valueName())) {
      return "registry value name contains unexpected characters";
    }
    if (!inDwordRange(c.newValue())) {
      return "new value " + c.newValue() + " is outside the REG_DWORD range 0..4294967295";
    }
    if (c.previousValue() != null && !inDwordRange(c.previousValue())) {
      return "previous value " + c.previousValue() + " is outside the REG_DWORD range";
    }
    return null;
  }

  static boolean inDwordRange(long v) {
    return v >= 0 && v <= DWORD_MAX;
  }

  static byte[] apply(
      String title, String where, String rollbackName, List<RegistryDword> changes) {
    ScriptText t = header(title, where);
    t.comment(";", "Undo with " + rollbackName + ". " + restartFor(changes));
    body(t, changes, false);
    return t.utf16le();
  }

  static byte[] rollback(String title, String where, List<RegistryDword> changes) {
    ScriptText t = header("Undo: " + title, where);
    t.comment(
        ";", "Restores the values read from the evidence; a value that was absent is deleted.");
    body(t, changes, true);
    return t.utf16le();
  }

  private static ScriptText header(String title, String where) {
    ScriptText t = new ScriptText().line("Windows Registry Editor Version 5.00").blank();
    t.comment(";", "mapiscope: " + title);
    t.comment(";", "Run on: " + where);
    return t;
  }

  private static void body(ScriptText t, List<RegistryDword> changes, boolean undo) {
    Map<String, List<RegistryDword>> byKey = new LinkedHashMap<>();
    changes.forEach(c -> byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    byKey.forEach(
        (key, values) -> {
          t.blank().line("[HKEY_LOCAL_MACHINE\\" + key + "]");
          for (RegistryDword c : values) {
            Long v = undo ? c.previousValue() : Long.valueOf(c.newValue());
            t.line("\"" + c.valueName() + "\"=" + (v == null ? "-" : dword(v)));
          }
        });
    t.blank();
  }

  static String dword(long v) {
    return String.format(Locale.ROOT, "dword:%08x", v);
  }

  /** What has to restart before Windows or Exchange reads the new values. */
  static String restartFor(List<RegistryDword> changes) {
    boolean tcpip =
        changes.stream()
            .anyMatch(c -> c.key().equalsIgnoreCase(ExchangeDefaults.TCPIP_PARAMETERS_KEY));
    boolean store =
        changes.stream()
            .anyMatch(
                c ->
                    c.key()
                        .regionMatches(
                            true,
                            0,
                            ExchangeDefaults.STORE_PARAMETERS_KEY,
                            0,
                            ExchangeDefaults.STORE_PARAMETERS_KEY.length()));
    List<String> parts = new ArrayList<>();
    if (tcpip) {
      // TCP/IP reads KeepAliveTime when the stack starts (Windows TCP/IP registry reference).
      parts.add("Reboot the server: TCP/IP reads KeepAliveTime only at start-up.");
    }
    if (store) {
      // KB842022 (2003) needs a store restart; 2016/2019 docs also say Restart-Service
      // MSExchangeIS.
      parts.add(
          "Restart the Information Store service (net stop MSExchangeIS, net start MSExchangeIS):"
              + " required on Exchange 2003, and what the Exchange 2016/2019 documentation asks"
              + " for; set the same value on every DAG member.");
    }
    if (parts.isEmpty()) {
      parts.add("Reboot the server so every service reads the new value.");
    }
    return String.join(" ", parts);
  }

  static List<String> verify(List<RegistryDword> changes) {
    return changes.stream()
        .map(
            c ->
                "reg query \"HKLM\\"
                    + c.key()
                    + "\" /v \""
                    + c.valueName()
                    + "\"   (expect 0x"
                    + Long.toHexString(c.newValue())
                    + " = "
                    + c.newValue()
                    + ")")
        .toList();
  }
}
