package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.sim.scenario.Server;

/**
 * Writes what {@code regedit /e} exports for the keys that matter (docs/ingest.md): version 5
 * files, UTF-16LE with a byte-order mark and CRLF. The TCP/IP key always (KeepAliveTime and
 * KeepAliveInterval only when set away from their defaults: an untouched server has no such
 * values); the store's ParametersSystem key only when the session limit is not the default.
 */
final class RegistryExport {

  static final String TCPIP_PATH = "registry/tcpip.reg";
  static final String STORE_PATH = "registry/MSExchangeIS-ParametersSystem.reg";
  private static final String HEADER = "\uFEFFWindows Registry Editor Version 5.00\r\n\r\n";

  private RegistryExport() {}

  static void write(Server server, EvidenceOutput out) throws IOException {
    try (Writer w = out.open(TCPIP_PATH, StandardCharsets.UTF_16LE)) {
      w.write(HEADER + key(ExchangeDefaults.TCPIP_PARAMETERS_KEY));
      w.write(string("Hostname", server.name()));
      w.write(string("Domain", UserDirectory.DNS_DOMAIN));
      w.write(string("NV Hostname", server.name()));
      if (server.keepAliveTimeMs() != ExchangeDefaults.KEEP_ALIVE_TIME_MS) {
        w.write(dword(ExchangeDefaults.KEEP_ALIVE_TIME, server.keepAliveTimeMs()));
      }
      if (server.keepAliveIntervalMs() != ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS) {
        w.write(dword(ExchangeDefaults.KEEP_ALIVE_INTERVAL, server.keepAliveIntervalMs()));
      }
      w.write("\r\n");
    }
    if (server.sessionLimit() != ExchangeDefaults.SESSIONS_PER_USER) {
      try (Writer w = out.open(STORE_PATH, StandardCharsets.UTF_16LE)) {
        w.write(HEADER + key(ExchangeDefaults.STORE_PARAMETERS_KEY));
        w.write(dword(ExchangeDefaults.MAX_SESSIONS_PER_USER, server.sessionLimit()));
        w.write("\r\n");
      }
    }
  }

  private static String key(String path) {
    return "[HKEY_LOCAL_MACHINE\\" + path + "]\r\n";
  }

  private static String string(String name, String value) {
    return "\"" + name + "\"=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\n";
  }

  private static String dword(String name, long value) {
    return "\"" + name + "\"=dword:" + String.format(Locale.ROOT, "%08x", value) + "\r\n";
  }
}
