package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Folder and archive names as server hints (docs/ingest.md, "Server attribution";
 * docs/diagnosis.md, "Server identity"): a server name followed by words about the export names
 * that server; a real hyphenated host name stays whole.
 */
class ServerHintsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EX07-logs-march | EX07",
        "EX01-2026-03 | EX01",
        "EX01_export | EX01",
        "EX02-logs | EX02",
        "ex03-rca-week | ex03",
        "mail-ex-01 | mail-ex-01",
        "EX01 | EX01",
        "mailhost | mailhost",
      })
  void leadingHostTakesTheServerNameBeforeWordsAboutTheExport(String name, String host) {
    assertThat(ServerHints.leadingHost(name)).isEqualTo(host);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EX07-logs-march.zip | RCA_20260301-1.LOG | EX07",
        "EX01-2026-03 | RCA_2026030108-1.LOG | EX01",
        "mail-ex-01 | RCA_2026030108-1.LOG | mail-ex-01",
        "mail-ex-01.zip | Application.evtx | mail-ex-01",
      })
  void anEnclosingFolderOrArchiveNamesTheServer(String folder, String file, String host) {
    assertThat(ServerHints.of(List.of(folder), file)).isEqualTo(host);
    assertThat(ServerHints.of(List.of("case-4711", folder, "logs"), file)).isEqualTo(host);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EX07-logs-march.zip | EX07",
        "EX01-2026-03 | EX01",
        "mail-ex-01 | mail-ex-01",
      })
  void theInnermostHostLikeNameWins(String inner, String host) {
    assertThat(ServerHints.of(List.of("EX99", inner), "RCA_2026030108-1.LOG")).isEqualTo(host);
  }

  /**
   * Host names are case-insensitive and Windows writes them in capitals (COMPUTERNAME): an admin's
   * folder {@code MAIL-EX-01} is the same host as {@code mail-ex-01} and must stay whole too.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MAIL-EX-01 | MAIL-EX-01",
        "Mail-Ex-01 | Mail-Ex-01",
        "EX-01 | EX-01",
      })
  void aHyphenatedHostStaysWholeInAnyCase(String name, String host) {
    assertThat(ServerHints.leadingHost(name)).isEqualTo(host);
    assertThat(ServerHints.of(List.of(name), "RCA_2026030108-1.LOG")).isEqualTo(host);
  }
}
