package org.mapiscope.evtx.evt;

import java.util.Locale;
import java.util.Map;

/**
 * The log name of an {@code .evt} file, which the file itself does not store: known from the names
 * Windows 2000/2003 give the live logs in {@code System32\config}.
 */
final class EvtChannels {

  private static final Map<String, String> BY_FILE_NAME =
      Map.of(
          "appevent.evt", "Application",
          "secevent.evt", "Security",
          "sysevent.evt", "System",
          "dnsevent.evt", "DNS Server",
          "ntds.evt", "Directory Service",
          "ntfrs.evt", "File Replication Service");

  private EvtChannels() {}

  /** The log name for a Windows file name, or {@code null} for exported files named by a person. */
  static String fromFileName(String fileName) {
    return fileName == null ? null : BY_FILE_NAME.get(fileName.toLowerCase(Locale.ROOT));
  }
}
