package org.mapiscope.ingest.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FieldCacheTest {

  private static final String[] VALUES = {
    "",
    "a",
    "b",
    "ab",
    "\"q\"\"uoted\"",
    "10.0.0.1",
    "10.0.0.12",
    "/o=Contoso/cn=jdoe",
    "x".repeat(40)
  };

  /** The field of a one-field line, as the cache sees it. */
  private static <T> T lookUp(FieldCache<T> cache, CsvLine line, String text) {
    byte[] bytes = ("pad," + text + ",pad").getBytes(StandardCharsets.UTF_8);
    line.split(bytes, 0, bytes.length);
    return line.cached(1, cache);
  }

  @Test
  void givesWhatDerivingTheFieldGivesWhateverWasCachedBefore() {
    qt().withExamples(500)
        .forAll(
            lists().of(integers().between(0, VALUES.length - 1)).ofSizeBetween(0, 200),
            integers().between(1, 4))
        .checkAssert(
            (picks, log2) -> {
              AtomicInteger derived = new AtomicInteger();
              FieldCache<String> cache =
                  new FieldCache<>(
                      1 << log2,
                      1 << log2,
                      s -> {
                        derived.incrementAndGet();
                        return "<" + s + ">";
                      });
              CsvLine line = new CsvLine(StandardCharsets.UTF_8);
              CsvLine reference = new CsvLine(StandardCharsets.UTF_8);
              for (int p : picks) {
                byte[] bytes = ("pad," + VALUES[p] + ",pad").getBytes(StandardCharsets.UTF_8);
                reference.split(bytes, 0, bytes.length);
                assertThat(lookUp(cache, line, VALUES[p]))
                    .isEqualTo("<" + reference.field(1) + ">");
              }
              assertThat(derived.get()).isLessThanOrEqualTo(picks.size());
            });
  }

  @Test
  void twoValuesThatShareASetBothStay() {
    AtomicInteger derived = new AtomicInteger();
    FieldCache<String> cache =
        new FieldCache<>(
            2,
            2,
            s -> {
              derived.incrementAndGet();
              return s;
            });
    CsvLine line = new CsvLine(StandardCharsets.UTF_8);
    for (int i = 0; i < 100; i++) {
      lookUp(cache, line, "jdoe");
      lookUp(cache, line, "asmith");
    }
    assertThat(derived.get()).isEqualTo(2);
  }

  @Test
  void growsWhileMostLookupsMissAndStopsAtItsMaximum() {
    FieldCache<String> cache = new FieldCache<>(2, 64, s -> s);
    CsvLine line = new CsvLine(StandardCharsets.UTF_8);
    for (int i = 0; i < 100_000; i++) {
      lookUp(cache, line, "user" + (i % 5_000));
    }
    assertThat(cache.slots()).isEqualTo(64);
    FieldCache<String> few = new FieldCache<>(8, 1 << 15, s -> s);
    for (int i = 0; i < 100_000; i++) {
      lookUp(few, line, "user" + (i % 3));
    }
    assertThat(few.slots()).isEqualTo(8);
  }

  @Test
  void holdsNoLongFieldAndBoundedTextWhateverTheInput() {
    AtomicInteger derived = new AtomicInteger();
    FieldCache<String> cache =
        new FieldCache<>(
            2,
            1 << 15,
            s -> {
              derived.incrementAndGet();
              return s.substring(0, 4);
            });
    CsvLine line = new CsvLine(StandardCharsets.UTF_8);
    String longField = "x".repeat(FieldCache.MAX_KEY_BYTES + 1);
    for (int i = 0; i < 3; i++) {
      assertThat(lookUp(cache, line, longField)).isEqualTo("xxxx");
    }
    assertThat(derived.get()).isEqualTo(3);
    assertThat(cache.heldBytes()).isZero();
    // Distinct fields just under the limit, as a hostile log could write on every row.
    String filler = "y".repeat(FieldCache.MAX_KEY_BYTES - 10);
    for (int i = 0; i < 40_000; i++) {
      lookUp(cache, line, String.format("%010d", i) + filler);
      assertThat(cache.heldBytes()).isLessThanOrEqualTo(FieldCache.MAX_HELD_BYTES);
    }
    assertThat(cache.heldBytes()).isGreaterThan(FieldCache.MAX_HELD_BYTES / 2);
  }
}
