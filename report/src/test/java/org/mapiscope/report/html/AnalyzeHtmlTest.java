package org.mapiscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.model.Cause;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.Fixtures;
import org.mapiscope.report.scripts.FixScripts;

class AnalyzeHtmlTest {

  /** Any URL the browser could fetch: src, href, action, or url() in CSS. */
  static final Pattern FETCHING =
      Pattern.compile("(?i)(src|href|action)\\s*=\\s*\"(?!#)[^\"]*\"|url\\(|@import|https?://");

  @Test
  void hasEverySectionAndSelfContainedFrame() {
    String html = AnalyzeHtml.render(Fixtures.report());
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Content-Security-Policy", Page.CSP.replace("'", "&#39;"));
    assertThat(html)
        .contains(
            "id=\"summary\"",
            "id=\"timelines\"",
            "id=\"heatmap\"",
            "id=\"users\"",
            "id=\"clients\"",
            "id=\"findings\"",
            "id=\"remedies\"",
            "id=\"settings\"",
            "id=\"inputs\"",
            "class=\"skip\"");
    assertThat(html)
        .contains("<svg", "class=\"stale\"", "class=\"limit\"", "class=\"mark\"", "class=\"heat\"");
    assertThat(html)
        .contains(
            "02-keepalive-ex1.reg",
            "&quot;KeepAliveTime&quot;=dword:001b7740",
            "Set-Mailbox -Identity $account");
    assertThat(html)
        .contains("scope=\"col\"", "scope=\"row\"", "prefers-color-scheme", "@media print");
    assertThat(FETCHING.matcher(html).find()).as("no fetchable URL").isFalse();
  }

  @Test
  void summaryTellsWhatWhoWhyAndWhatToDoInOrder() {
    String html = AnalyzeHtml.render(Fixtures.report());
    assertThat(html)
        .contains(
            "refused 57 MAPI objects",
            "Most affected: jdoe, besadmin",
            "Clients vanished without closing");
    assertThat(html.indexOf("Close Outlook before disconnecting the VPN"))
        .isLessThan(html.indexOf("Lower KeepAliveTime to 30 minutes"));
    assertThat(html)
        .contains(
            "<b>14</b>Unmet sessions",
            "amount to 14 unmet sessions",
            "52 refused connects in the RPC Client Access logs",
            "60 other connects failed for reasons other than");
    // Chart captions: what is at the peak, and what is over the period (stale is a running total).
    assertThat(html)
        .contains(
            "jdoe \u2014 at most 32 open and 6 active at once; 26 left behind by vanished clients "
                + "over the period")
        .doesNotContain("6 active, 26 stale");
  }

  @Test
  void settingsNameTheExchangeVersionAndClientsTheRefusedConnects() {
    String html = AnalyzeHtml.render(Fixtures.report());
    String settings = html.substring(html.indexOf("id=\"settings\""));
    assertThat(settings)
        .contains(
            "Remedies are written for <strong>Exchange 2010</strong>: RPC Client Access logs exist"
                + " from Exchange 2010 on; nothing marks 2013 or later.");
    String clients =
        html.substring(html.indexOf("id=\"clients\""), html.indexOf("id=\"findings\""));
    assertThat(clients).contains(">Refused</th>");
    // jdoe's row: peak open 32, peak active 6, stale 26, refused 40.
    assertThat(clients).contains("<td class=\"n\">26</td><td class=\"n\">40</td>");
    String fleet =
        AnalyzeHtml.render(
            new AnalyzeReport("0.1.0", List.of(), Fixtures.fleet(1), ZoneOffset.UTC, null, null));
    assertThat(fleet).doesNotContain("Remedies are written for");
  }

  @Test
  void aCutClientListSaysWhatItLeftOutAndClientRowsCarryTheirOwnFigures() {
    String html = AnalyzeHtml.render(Fixtures.cutClientListReport());
    String clients =
        html.substring(html.indexOf("id=\"clients\""), html.indexOf("id=\"findings\""));
    assertThat(clients).contains("\u2026 and 19 more clients (76 sessions)");
    // roamer: 35 clients and 140 sessions in the user's row; each listed client its own 4 sessions.
    assertThat(clients).contains("<td class=\"n\">35</td><td class=\"n\">140</td>");
    // The user's stale count (jdoe: 26, refused 40) appears once, not on each of jdoe's two client
    // rows.
    assertThat(clients.split("<td class=\"n\">26</td><td class=\"n\">40</td>", -1)).hasSize(2);
    assertThat(clients)
        .contains(
            "<td>10.8.0.17</td><td>OUTLOOK.EXE</td><td>Cached</td><td class=\"n\">30</td><td"
                + " class=\"n\">79%</td>");
  }

  @Test
  void settingsNotInTheEvidenceSayTheDefaultIsAssumed() {
    String html = AnalyzeHtml.render(Fixtures.report());
    String settings = html.substring(html.indexOf("id=\"settings\""));
    assertThat(settings)
        .contains(
            "not in the evidence; Windows default 7,200,000 assumed",
            "not in the evidence; Exchange default 32 assumed");
    assertThat(settings).doesNotContain("default (not in the evidence)");
  }

  @Test
  void everyEvidenceStringIsEscaped() {
    AnalyzeReport base = Fixtures.report();
    AnalysisResult r = base.result();
    Finding evil =
        new Finding(
            Finding.Scope.USER,
            Fixtures.HOSTILE,
            Cause.OBJECT_LEAK,
            0.5,
            Fixtures.HOSTILE,
            List.of(new Finding.EvidenceItem(Fixtures.HOSTILE, "line 1", Fixtures.HOSTILE)),
            List.of());
    AnalysisResult withEvil =
        new AnalysisResult(
            r.limitEvents(), r.sessions(), r.settings(), List.of(evil), r.recommendations());
    String html =
        AnalyzeHtml.render(
            new AnalyzeReport(
                "1", base.inputs(), withEvil, ZoneOffset.UTC, null, FixScripts.render(withEvil)));
    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    // Only our one inline script element.
    assertThat(html.split("<script>", -1)).hasSize(2);
  }

  @Test
  void tenThousandUsersStayASmallPage() {
    AnalysisResult fleet = Fixtures.fleet(10_000);
    AnalyzeReport report =
        new AnalyzeReport(
            "0.1.0",
            Fixtures.inputs(),
            fleet,
            ZoneOffset.UTC,
            Fixtures.histogram(fleet),
            FixScripts.render(fleet));
    String html = AnalyzeHtml.render(report);
    assertThat(html.length()).isLessThan(1_500_000);
    assertThat(html.split("<figure>", -1)).hasSize(AnalyzeHtml.CHARTS + 1);
    assertThat(html)
        .contains(
            "\u2026 and 9800 more, in limitEvents.byUser of the JSON output.",
            "\u2026 and 9900 more, in findings of the JSON output.");
  }

  @Test
  void emptyResultSaysSoInsteadOfDrawing() {
    AnalysisResult r = Fixtures.fleet(0);
    String html =
        AnalyzeHtml.render(new AnalyzeReport("0.1.0", List.of(), r, ZoneOffset.UTC, null, null));
    assertThat(html)
        .contains(
            "The evidence holds no Event 9646.", "No event times were collected", "No cause found.")
        .doesNotContain("<figure>");
  }

  @Test
  void thinningKeepsThePeaks() {
    var many = new java.util.ArrayList<org.mapiscope.analysis.SessionSummary.TimelinePoint>();
    for (int i = 0; i < 10_000; i++) {
      many.add(
          new org.mapiscope.analysis.SessionSummary.TimelinePoint(
              Fixtures.T0.plusSeconds(i), i == 7777 ? 99 : i % 10, 1));
    }
    var thin = TimelineChart.thin(many);
    assertThat(thin.size()).isLessThanOrEqualTo(TimelineChart.MAX_POINTS);
    assertThat(thin).anyMatch(p -> p.open() == 99);
  }
}
