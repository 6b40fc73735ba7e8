package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;
import org.mapiscope.model.SettingValue;

/**
 * A folder's name is a hint; content in that folder naming a server wins (docs/diagnosis.md,
 * "Server identity").
 */
class FolderNamedServersTest {

  private static final Instant T = Instant.parse("2026-03-24T09:00:00Z");
  private static final String DN =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=";

  private static void session(Analyzer a, String server, String file, int id, String user) {
    a.accept(
        new SessionEvent(
            T.plusSeconds(id),
            server,
            Integer.toString(id),
            user,
            DN + user,
            SessionEvent.Kind.CONNECT,
            "Connect",
            "10.1.0." + id,
            "OUTLOOK.EXE",
            "16.0",
            "Cached",
            null,
            EvidenceRef.line(file, id)));
  }

  @Test
  void rcaLogsInAFolderWhoseRegistryExportNamesTheServerAreThatServers() {
    Analyzer a = new Analyzer();
    session(a, "case-0412", "evidence/case-0412/RPC Client Access/RCA_20260324-1.LOG", 1, "anna");
    a.accept(
        new Setting(
            "EX07",
            ExchangeDefaults.KEEP_ALIVE_INTERVAL,
            SettingValue.of("1000"),
            EvidenceRef.line("evidence/case-0412/tcpip.reg", 3)));
    // A second server named elsewhere: "the evidence names exactly one server" does not apply.
    a.accept(
        new Setting(
            "EX09",
            ExchangeDefaults.KEEP_ALIVE_INTERVAL,
            SettingValue.of("1000"),
            EvidenceRef.line("evidence/ex09-export/tcpip.reg", 3)));
    AnalysisResult r = a.finish(AnalysisOptions.inferAll());

    assertThat(r.settings()).extracting(SettingView::server).containsOnly("ex07", "ex09");
  }

  @Test
  void aFolderWhoseContentNamesNoServerStaysItsOwnServer() {
    Analyzer a = new Analyzer();
    session(a, "case-0412", "evidence/case-0412/RPC Client Access/RCA_20260324-1.LOG", 1, "anna");
    a.accept(
        new Setting(
            "EX07",
            ExchangeDefaults.KEEP_ALIVE_INTERVAL,
            SettingValue.of("1000"),
            EvidenceRef.line("evidence/ex07/tcpip.reg", 3)));
    a.accept(
        new Setting(
            "EX09",
            ExchangeDefaults.KEEP_ALIVE_INTERVAL,
            SettingValue.of("1000"),
            EvidenceRef.line("evidence/ex09/tcpip.reg", 3)));
    AnalysisResult r = a.finish(AnalysisOptions.inferAll());

    assertThat(r.settings()).extracting(SettingView::server).contains("case-0412", "ex07", "ex09");
  }

  @Test
  void folderNamesAreComparedAsServerKeysAndArchivesCount() {
    assertThat(FolderNamedServers.inFolder("logs/EX07.contoso.com/tcpip.reg", "ex07")).isTrue();
    assertThat(FolderNamedServers.inFolder("case-0412.zip!/tcpip.reg", "case-0412")).isTrue();
    assertThat(FolderNamedServers.inFolder("C:\\\\evidence\\\\Case-0412\\\\tcpip.reg", "case-0412"))
        .isTrue();
    assertThat(FolderNamedServers.inFolder("evidence/case-0412.reg", "case-0412"))
        .as("a file, not a folder")
        .isFalse();
  }
}
