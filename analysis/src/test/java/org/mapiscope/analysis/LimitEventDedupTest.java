package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;

/**
 * Overlapping exports of the same Event 9646 count once (docs/diagnosis.md, "Duplicates"): by
 * computer and EventRecordID where the export carries it, else by computer, second, identity,
 * object type and limit — as many as the fullest single source holds.
 */
class LimitEventDedupTest {

  private static final String DN =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe";
  private static final Instant T = Instant.parse("2026-11-02T09:15:42.734Z");

  private final SessionLogTest.Collected log = new SessionLogTest.Collected();
  private final Analyzer analyzer = new Analyzer(log);

  private static LimitEvent event(
      String computer, Instant t, String file, long position, Long recordId) {
    EvidenceRef ref =
        recordId != null ? EvidenceRef.record(file, recordId) : EvidenceRef.line(file, position);
    return new LimitEvent(t, computer, "jdoe", DN, null, null, "session", 32, ref, recordId);
  }

  private AnalysisResult finish() {
    return analyzer.finish(AnalysisOptions.inferAll());
  }

  @Test
  void theSameRecordFedTwiceCountsOnce() {
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4711L));
    analyzer.accept(
        event("EX01", T, "9646.xml", 0, 4711L)); // the same log's XML export names the host only
    AnalysisResult r = finish();

    assertThat(r.limitEvents().total()).isEqualTo(1);
    assertThat(r.limitEvents().duplicatesDropped()).isEqualTo(1);
    assertThat(r.totals().duplicatesDropped()).isEqualTo(1);
    assertThat(r.limitEvents().byUser())
        .singleElement()
        .satisfies(u -> assertThat(u.count()).isEqualTo(1));
    assertThat(log.streams).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(1));
  }

  @Test
  void differentRecordsInTheSameSecondAreDifferentEvents() {
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4711L));
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4712L));
    AnalysisResult r = finish();

    assertThat(r.limitEvents().total()).isEqualTo(2);
    assertThat(r.limitEvents().duplicatesDropped()).isZero();
  }

  @Test
  void theSameRecordIdOnAnotherComputerIsAnotherEvent() {
    analyzer.accept(event("EX01.contoso.com", T, "EX01-Application.evtx", 0, 4711L));
    analyzer.accept(event("EX02.contoso.com", T, "EX02-Application.evtx", 0, 4711L));

    assertThat(finish().limitEvents().total()).isEqualTo(2);
  }

  @Test
  void fourEventsInOneSecondFromOneFileCountFourAndTheirCopyAddsNothing() {
    Instant second = T.truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 4; i++) {
      analyzer.accept(event("EX01", second, "Application.csv", 10 + i, null));
    }
    AnalysisResult once = finish();
    assertThat(once.limitEvents().total()).isEqualTo(4);
    assertThat(once.limitEvents().duplicatesDropped()).isZero();

    for (int i = 0; i < 4; i++) {
      analyzer.accept(event("EX01", second, "copy/Application.csv", 10 + i, null));
    }
    log.streams.clear();
    AnalysisResult twice = finish();
    assertThat(twice.limitEvents().total()).isEqualTo(4);
    assertThat(twice.limitEvents().duplicatesDropped()).isEqualTo(4);
    // Four clients refused at once are four attempts, not eight.
    assertThat(log.streams).hasSize(4);
  }

  @Test
  void aSecondFileWithMoreEventsInThatSecondAddsOnlyTheExtraOnes() {
    Instant second = T.truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 2; i++) {
      analyzer.accept(event("EX01", second, "morning.csv", 10 + i, null));
    }
    for (int i = 0; i < 3; i++) {
      analyzer.accept(event("EX01", second, "whole-day.csv", 20 + i, null));
    }
    AnalysisResult r = finish();
    assertThat(r.limitEvents().total()).isEqualTo(3);
    assertThat(r.limitEvents().duplicatesDropped()).isEqualTo(2);
  }

  @Test
  void anEventWithARecordIdAfterItsCsvCopyIsNotCountedTwice() {
    // The CSV export (no record number, time to the second) first, then the .evtx with
    // milliseconds.
    analyzer.accept(event("EX01", T.truncatedTo(ChronoUnit.SECONDS), "Application.csv", 7, null));
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4711L));
    AnalysisResult r = finish();

    assertThat(r.limitEvents().total()).isEqualTo(1);
    assertThat(r.limitEvents().duplicatesDropped()).isEqualTo(1);
  }

  @Test
  void aCsvCopyAfterTheEventWithItsRecordIdIsNotCountedTwice() {
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4711L));
    analyzer.accept(event("EX01", T.truncatedTo(ChronoUnit.SECONDS), "Application.csv", 7, null));
    AnalysisResult r = finish();

    assertThat(r.limitEvents().total()).isEqualTo(1);
    assertThat(r.limitEvents().duplicatesDropped()).isEqualTo(1);
  }

  @Test
  void twoRecordsAndTheirCsvCopiesCountTwo() {
    Instant second = T.truncatedTo(ChronoUnit.SECONDS);
    analyzer.accept(event("EX01", second, "Application.csv", 7, null));
    analyzer.accept(event("EX01", second, "Application.csv", 8, null));
    analyzer.accept(event("EX01.contoso.com", T, "Application.evtx", 0, 4711L));
    analyzer.accept(event("EX01.contoso.com", T.plusMillis(100), "Application.evtx", 0, 4712L));
    AnalysisResult r = finish();

    assertThat(r.limitEvents().total()).isEqualTo(2);
    assertThat(r.limitEvents().duplicatesDropped()).isEqualTo(2);
  }

  /**
   * docs/diagnosis.md, "Fleets": non-session evidence may be split any way and any split gives the
   * single-pass result — also when the two copies of an event land in different partials.
   */
  @Test
  void copiesSplitOverPartialsCountOnceWhenAbsorbed() {
    LimitEvent evtx = event("EX01.contoso.com", T, "Application.evtx", 0, 4711L);
    LimitEvent xml = event("EX01", T, "9646.xml", 0, 4711L);
    analyzer.accept(evtx);
    analyzer.accept(xml);
    AnalysisResult singlePass = finish();

    Analyzer left = new Analyzer();
    Analyzer right = new Analyzer();
    left.accept(evtx);
    right.accept(xml);
    AnalysisResult split = left.absorb(right).finish(AnalysisOptions.inferAll());

    assertThat(split.limitEvents().total()).isEqualTo(1);
    assertThat(split.limitEvents()).isEqualTo(singlePass.limitEvents());
    // Which copy an evidence item points at depends on which partial read it first.
    assertThat(split.findings())
        .extracting(Finding::subject, Finding::cause, Finding::confidence)
        .isEqualTo(
            singlePass.findings().stream()
                .map(
                    f ->
                        org.assertj.core.groups.Tuple.tuple(f.subject(), f.cause(), f.confidence()))
                .toList());
  }
}
