package org.mapiscope.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.LimitEventSummary.UserLimitEvents;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.Fixtures;
import org.mapiscope.report.console.CompareText;
import org.mapiscope.report.json.AnalyzeJson;

class CompareTest {

  static byte[] json(AnalyzeReport r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnalyzeJson.write(r, out);
    return out.toByteArray();
  }

  static AnalyzeSnapshot read(byte[] bytes, String name) throws Exception {
    return AnalyzeJsonReader.read(new ByteArrayInputStream(bytes), name);
  }

  /** After the fix: only besadmin left with 2 events over 7 days, its cause unchanged. */
  static AnalyzeReport after() {
    AnalysisResult r = Fixtures.result();
    Instant t = Instant.parse("2026-11-10T00:00:00Z");
    LimitEventSummary events =
        new LimitEventSummary(
            2,
            Map.of("session", 2L),
            List.of(
                new UserLimitEvents(
                    "besadmin",
                    null,
                    "session",
                    32,
                    2,
                    t,
                    t.plusSeconds(6 * 86_400 + 60),
                    List.of("EX1"))),
            t,
            t.plusSeconds(6 * 86_400 + 60));
    AnalysisResult fixed =
        new AnalysisResult(
            events, r.sessions(), r.settings(), List.of(r.findings().get(1)), r.recommendations());
    return new AnalyzeReport("0.1.0", List.of(), fixed, ZoneOffset.UTC, null, null);
  }

  @Test
  void fewerPerDayAndNoNewCauseIsImproved() throws Exception {
    Comparison c =
        Compare.compare(
            read(json(Fixtures.report()), "before.json"), read(json(after()), "after.json"));
    assertThat(c.total().before()).isEqualTo(57);
    assertThat(c.total().daysBefore()).isEqualTo(3);
    assertThat(c.total().perDayBefore()).isEqualTo(19.0);
    assertThat(c.total().daysAfter()).isEqualTo(7);
    assertThat(c.improved()).isTrue();
    assertThat(c.goneCauses())
        .containsExactly("EX1: KEEPALIVE_TOO_LONG", "jdoe: DEAD_CLIENT_SESSIONS");
    Comparison.UserChange jdoe =
        c.byUser().stream().filter(u -> u.user().equals("jdoe")).findFirst().orElseThrow();
    assertThat(jdoe.counts().after()).isZero();
    assertThat(jdoe.causesBefore()).containsExactly("DEAD_CLIENT_SESSIONS");
    assertThat(jdoe.causesAfter()).isEmpty();
    assertThat(c.byUser().get(0).user()).isEqualTo("jdoe");
  }

  @Test
  void aNewCauseMeansNotImprovedEvenWithFewerEvents() throws Exception {
    Comparison c =
        Compare.compare(read(json(after()), "a.json"), read(json(Fixtures.report()), "b.json"));
    assertThat(c.improved()).isFalse();
    assertThat(c.newCauses()).contains("jdoe: DEAD_CLIENT_SESSIONS");
  }

  @Test
  void sameRunIsNotAnImprovementUnlessNothingIsLeft() throws Exception {
    AnalyzeSnapshot s = read(json(Fixtures.report()), "x.json");
    assertThat(Compare.compare(s, s).improved()).isFalse();
    AnalyzeReport empty =
        new AnalyzeReport("0.1.0", List.of(), Fixtures.fleet(0), ZoneOffset.UTC, null, null);
    AnalyzeSnapshot none = read(json(empty), "none.json");
    assertThat(Compare.compare(none, none).improved()).isTrue();
    assertThat(Compare.compare(none, none).total().perDayAfter()).isZero();
  }

  @Test
  void aBurstWithinOneHourCountsAsOneDay() {
    Instant t = Instant.parse("2026-11-02T08:00:00Z");
    assertThat(Compare.days(t, t.plusSeconds(600))).isEqualTo(1);
    assertThat(Compare.days(t, t.plusSeconds(86_400))).isEqualTo(1);
    assertThat(Compare.days(t, t.plusSeconds(86_401))).isEqualTo(2);
    assertThat(Compare.days(null, null)).isZero();
  }

  @Test
  void foreignFilesGiveAClearMessage() {
    assertThatThrownBy(() -> read("not json at all".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .isInstanceOf(NotAnalyzeJsonException.class)
        .hasMessageStartingWith("notes.txt is not JSON");
    assertThatThrownBy(() -> read("{\"attempts\": 3}".getBytes(StandardCharsets.UTF_8), "sim.json"))
        .isInstanceOf(NotAnalyzeJsonException.class)
        .hasMessageContaining("sim.json is not a mapiscope analyze JSON");
    assertThatThrownBy(() -> read("[]".getBytes(StandardCharsets.UTF_8), "list.json"))
        .isInstanceOf(NotAnalyzeJsonException.class);
  }

  @Test
  void consoleTextGivesTheVerdict() throws Exception {
    Comparison c =
        Compare.compare(
            read(json(Fixtures.report()), "before.json"), read(json(after()), "after.json"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompareText.print(c, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Verdict improved", "19.0 per day", "Gone    EX1: KEEPALIVE_TOO_LONG")
        .containsPattern("jdoe\\s+40 \u2192\\s+0  no cause left");
  }
}
