package org.mapiscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangBTest {

  @Test
  void knownValues() {
    // B(1, a) = a / (1 + a); B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2; B(0, a) = 1.
    assertThat(ErlangB.blocking(1, 3.0)).isCloseTo(0.75, within(1e-12));
    assertThat(ErlangB.blocking(2, 1.0)).isCloseTo(0.2, within(1e-12));
    assertThat(ErlangB.blocking(0, 5.0)).isEqualTo(1.0);
    assertThat(ErlangB.blocking(4, 0.0)).isEqualTo(0.0);
  }

  @Test
  void matchesTheClosedFormForSmallC() {
    // B(c, a) = (a^c / c!) / sum_{k=0..c} a^k / k!
    for (int c = 1; c <= 10; c++) {
      for (double a : new double[] {0.3, 2, 7.5, 15}) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k <= c; k++) {
          term *= a / k;
          sum += term;
        }
        assertThat(ErlangB.blocking(c, a)).isCloseTo(term / sum, within(1e-12));
      }
    }
  }
}
