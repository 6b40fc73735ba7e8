package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact address table counts as the map it replaced: an access-ordered {@link RecentMap} of
 * per-address day counts whose least recently used entry is folded beyond the cap.
 */
class AddressDaysTest {

  /** The reference: the map of objects, folded as before. */
  private static final class Reference {
    static final class Days {
      int days;
      long lastDay = Long.MIN_VALUE;
    }

    int folded;
    int foldedOneTime;
    final Map<String, Days> map;

    Reference(int cap) {
      map =
          new RecentMap<>(
              cap,
              d -> false,
              (a, d) -> {
                folded++;
                if (d.days == 1) {
                  foldedOneTime++;
                }
              });
    }

    void count(String address, long day) {
      Days d = map.computeIfAbsent(address, k -> new Days());
      if (day != d.lastDay) {
        d.days++;
        d.lastDay = day;
      }
    }

    int count() {
      return map.size() + folded;
    }

    int oneTimeCount() {
      return (int) map.values().stream().filter(d -> d.days == 1).count() + foldedOneTime;
    }
  }

  @Test
  void countsAsTheMapOfObjectsDid() {
    // Connects as (address 0..11, day 0..3) pairs, against caps of 1 to 8: folding, reuse of a
    // folded address, a day coming back after another.
    qt().withExamples(1000)
        .forAll(
            lists().of(integers().between(0, 47)).ofSizeBetween(0, 80), integers().between(1, 8))
        .checkAssert(
            (connects, cap) -> {
              AddressDays table = new AddressDays(cap);
              Reference reference = new Reference(cap);
              for (int c : connects) {
                String address = "10.0.0." + (c % 12);
                long day = 20_000 + c / 12;
                table.count(new String(address), day); // equal text, another instance
                reference.count(address, day);
                assertThat(table.count()).isEqualTo(reference.count());
                assertThat(table.oneTimeCount()).isEqualTo(reference.oneTimeCount());
                assertThat(table.held()).isEqualTo(reference.map.size()).isLessThanOrEqualTo(cap);
              }
            });
  }
}
