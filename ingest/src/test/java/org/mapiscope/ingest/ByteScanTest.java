package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteScanTest {

  private static int naive(byte[] b, int from, int to, byte x, byte y) {
    for (int i = from; i < to; i++) {
      if (b[i] == x || b[i] == y) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] bytes(List<Integer> values) {
    byte[] b = new byte[values.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) values.get(i);
    }
    return b;
  }

  @Test
  void findsWhatALoopOverEveryByteFinds() {
    // Few distinct values (the targets, their neighbours, zero, high bytes) so hits are common and
    // a borrow across bytes is tried.
    int[] alphabet = {0, 1, 9, 10, 11, 12, 13, 14, 44, 34, 0x7F, 0x80, 0x8A, 0xFF};
    qt().withExamples(2000)
        .forAll(
            lists().of(integers().between(0, alphabet.length - 1)).ofSizeBetween(0, 40),
            integers().between(0, 40),
            integers().between(0, 40))
        .checkAssert(
            (picks, a, c) -> {
              byte[] b = bytes(picks.stream().map(i -> alphabet[i]).toList());
              int from = Math.min(a, b.length);
              int to = Math.max(from, Math.min(c, b.length));
              assertThat(ByteScan.indexOfEither(b, from, to, (byte) 10, (byte) 13))
                  .isEqualTo(naive(b, from, to, (byte) 10, (byte) 13));
              assertThat(ByteScan.indexOf(b, from, to, (byte) 44))
                  .isEqualTo(naive(b, from, to, (byte) 44, (byte) 44));
              assertThat(ByteScan.indexOf(b, from, to, (byte) 0x80))
                  .isEqualTo(naive(b, from, to, (byte) 0x80, (byte) 0x80));
            });
  }
}
