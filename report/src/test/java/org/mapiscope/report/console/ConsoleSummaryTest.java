package org.mapiscope.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.Fixtures;

class ConsoleSummaryTest {

  static String print(AnalyzeReport report, boolean color) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleSummary.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8), color);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void summarisesWhoWhenWhyAndWhatToDoFirst() {
    String text = print(Fixtures.report(), false);
    assertThat(text)
        .contains(
            "Event 9646  57  (session 52, objtFolder 5)",
            "Servers     EX1, EX2",
            "Time span   2026-11-02 08:01Z \u2013 2026-11-04 13:00Z  (2 d 4 h)");
    assertThat(text)
        .containsPattern(
            "jdoe\\s+40  session/32\\s+2026-11-02 08:15Z \u2013 2026-11-04 13:00Z  refused 40\n");
    assertThat(text)
        .contains(
            "Exchange    2010  (RPC Client Access logs exist from Exchange 2010 on",
            "Refused     14 unmet sessions (refused attempts, retries collapsed; 52 RCA rows)",
            "Other fails 60 connects failed for other reasons (permission, authentication,"
                + " network)",
            "Ended       14 sessions run down by the server (client gone), 2 ended by service"
                + " restarts");
    assertThat(text)
        .contains(
            "KeepAliveTime",
            "not in the evidence; Windows default 7,200,000 assumed",
            "not in the evidence; Exchange default 32 assumed",
            "DEAD_CLIENT_SESSIONS",
            "90%");
    assertThat(text).doesNotContain("default (absent)");
    // Expert's order: the client-side fix and the BES policy (step 1) before KeepAliveTime (step
    // 2).
    assertThat(text.indexOf("1. Close Outlook")).isLessThan(text.indexOf("3. Lower KeepAliveTime"));
    assertThat(text)
        .contains(
            "2. Give besadmin its own throttling policy",
            "\u2192 01-throttling-policy-besadmin.ps1");
    assertThat(text)
        .contains(
            "not a recognised evidence format \u2014 notes.docx",
            "expected 18 fields, found 3 \u2014 logs/RCA_20261102-1.LOG:17");
    assertThat(text).doesNotContain("\u001b[");
  }

  @Test
  void aRefusedEntryShowsItsReasonFirstAndTheMoreLineSaysWhatTheJsonKept() {
    String entry =
        "evidence/" + "very-long-folder-name/".repeat(6) + "logs.zip!/inner/deeper/bomb.zip";
    List<InputError> kept = new java.util.ArrayList<>();
    for (int i = 0; i < InputSummary.MAX_ERRORS; i++) {
      kept.add(new InputError("zz-big.log:" + (i + 1), "expected 18 fields, found 3"));
    }
    List<InputSummary> inputs =
        List.of(
            InputSummary.notRead(
                entry,
                org.mapiscope.model.InputOutcome.REFUSED,
                List.of(
                    new InputError(
                        entry,
                        entry
                            + " refused: it expands more than 100 times its packed size (zip"
                            + " bomb?)"))),
            InputSummary.read("zz-big.log", "rca", 10, 3_705, kept));
    AnalyzeReport base = Fixtures.report();
    String text =
        print(
            new AnalyzeReport(
                base.toolVersion(),
                inputs,
                base.result(),
                base.timezone(),
                base.histogram(),
                base.scripts()),
            false);

    assertThat(text)
        .contains(
            "  refused: it expands more than 100 times its packed size (zip bomb?) \u2014"
                + " evidence/");
    assertThat(text).contains("bomb.zip\n");
    // 1 + 3,705 problems, 5 shown; the JSON holds 96 of the other 3,701 (100 kept for big.log).
    assertThat(text)
        .contains(
            "\u2026 and 3,701 more; 96 of them in inputs[].errors of the JSON, which keeps the"
                + " first 100 errors per file");
  }

  @Test
  void colourOnlyWhenAskedAndEvidenceCannotSendEscapes() {
    AnalyzeReport r = Fixtures.report();
    List<InputSummary> inputs =
        List.of(
            InputSummary.read(
                "evil.log",
                "rca",
                1,
                1,
                List.of(new InputError("evil.log:1", "bad \u001b[2J\u001b]0;pwned\u0007 row"))));
    AnalyzeReport evil =
        new AnalyzeReport(
            r.toolVersion(), inputs, r.result(), ZoneOffset.UTC, r.histogram(), r.scripts());
    String plain = print(evil, false);
    assertThat(plain).doesNotContain("\u001b").contains("bad ?[2J?]0;pwned? row");
    assertThat(print(evil, true)).contains("\u001b[1m").doesNotContain("\u001b[2J");
  }

  @Test
  void longListsEndWithAndNMore() {
    AnalyzeReport fleet =
        new AnalyzeReport("0.1.0", List.of(), Fixtures.fleet(25), ZoneOffset.UTC, null, null);
    String text = print(fleet, false);
    // Ten of the 25 users are listed (user0 has the most events), the rest are counted.
    assertThat(text)
        .contains("\u2026 and 15 more")
        .containsPattern("\\buser0\\b")
        .containsPattern("\\buser9\\b")
        .doesNotContainPattern("\\buser10\\b")
        .doesNotContainPattern("\\buser24\\b");
  }
}
