package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;

/** The sample keeps what a sorted set trimmed to its earliest few kept, in any arrival order. */
class ExampleSampleTest {

  private static Example example(int i) {
    // Few distinct values, so equal examples, equal times and equal places all occur.
    Instant time = Instant.ofEpochSecond(1_700_000_000L + i % 5, i % 3 * 1_000);
    EvidenceRef ref =
        i % 2 == 0 ? EvidenceRef.line("a.log", i % 4) : EvidenceRef.record("b.evtx", i % 4);
    return new Example(time, ref, "text " + i % 7);
  }

  @Test
  void keepsTheEarliestAsASortedSetDid() {
    qt().withExamples(2000)
        .forAll(lists().of(integers().between(0, 200)).ofSizeBetween(0, 40))
        .checkAssert(
            picks -> {
              ExampleSample sample = new ExampleSample();
              ExampleSample merged = new ExampleSample();
              TreeSet<Example> set = new TreeSet<>();
              for (int i = 0; i < picks.size(); i++) {
                Example e = example(picks.get(i));
                sample.add(e);
                set.add(e);
                if (set.size() > Thresholds.REFS_PER_KIND) {
                  set.pollLast();
                }
                assertThat(sample.list()).isEqualTo(List.copyOf(set));
              }
              // Merging a copy in changes nothing; merging into an empty sample copies.
              merged.addAll(sample);
              merged.addAll(sample);
              assertThat(merged.list()).isEqualTo(sample.list());
            });
  }

  @Test
  void ordersByTimeThenPlaceThenText() {
    Instant t = Instant.parse("2026-11-30T09:00:00Z");
    Example early = new Example(t, EvidenceRef.line("z.log", 9), "z");
    Example sameTimeEarlierFile = new Example(t.plusNanos(1), EvidenceRef.line("a.log", 9), "z");
    Example lineBeforeRecord = new Example(t.plusNanos(1), EvidenceRef.line("b.log", 9), "z");
    Example record = new Example(t.plusNanos(1), EvidenceRef.record("b.log", 1), "a");
    Example laterText = new Example(t.plusNanos(1), EvidenceRef.record("b.log", 1), "b");
    assertThat(
            new TreeSet<>(List.of(laterText, record, lineBeforeRecord, sameTimeEarlierFile, early)))
        .containsExactly(early, sameTimeEarlierFile, lineBeforeRecord, record, laterText);
    assertThat(record.time()).isEqualTo(t.plusNanos(1));
    assertThat(record.ref()).isEqualTo(EvidenceRef.record("b.log", 1));
  }
}
