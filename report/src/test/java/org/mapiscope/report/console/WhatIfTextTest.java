package org.mapiscope.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mapiscope.sim.whatif.ReplaySession;
import org.mapiscope.sim.whatif.WhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;
import org.mapiscope.sim.whatif.WhatIfSettings;

class WhatIfTextTest {

  private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
  private static final WhatIfSettings BEFORE = WhatIfSettings.stock().withSessionLimit(4);

  /** Prints {@code r} beside the same sessions replayed under {@code before}. */
  static String print(
      WhatIfResult r,
      List<ReplaySession> sessions,
      Map<String, Long> observed,
      WhatIfSettings before,
      boolean color) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WhatIfText.print(
        r,
        WhatIf.replay(sessions, observed, before),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        color);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /**
   * A VPN laptop reconnecting every 10 minutes from a new address; each session moved on at the
   * next connect and was held four hours, so the fifth connect (at 40 min) was refused under a
   * limit of 4.
   */
  private static List<ReplaySession> laptop(String user) {
    List<ReplaySession> s = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      s.add(
          new ReplaySession(
              user, at(10 * k), at(10 * k), at(240), k < 3 ? at(10 * k + 10) : null, false));
    }
    s.add(ReplaySession.refused(user, at(40), at(40), 1, 1));
    s.add(new ReplaySession("amy", at(0), at(0), at(480), null, false));
    return s;
  }

  @Test
  void showsTheSettingsChangeAndPerUserObservedToPredicted() {
    WhatIfResult r =
        WhatIf.replay(laptop("jdoe"), Map.of("jdoe", 1L), BEFORE.withKeepAliveTime(300_000));
    String text = print(r, laptop("jdoe"), Map.of("jdoe", 1L), BEFORE, false);
    assertThat(text)
        .contains("Settings       KeepAliveTime 2 h \u2192 5 min, session limit 4 (unchanged)");
    // Under the logged settings the replay refuses the fifth connect again: it fits the evidence.
    assertThat(text)
        .contains("Fit            replayed under the current settings: 1 of the 1 observed 9646");
    // Reaped 5 min after each move, at most two sessions are ever open at once.
    assertThat(text)
        .contains(
            "Minimal limit  2  (the smallest session limit with no 9646 under KeepAliveTime 5"
                + " min)");
    assertThat(text).containsPattern("\n  jdoe \\s+1 \u2192\\s+0\\s+1 \u2192\\s+0\\s+2\n");
    assertThat(text).containsPattern("\n  amy  \\s+0 \u2192\\s+0\\s+0 \u2192\\s+0\\s+1\n");
    assertThat(text).containsPattern("\n  Total\\s+1 \u2192\\s+0\\s+1 \u2192\\s+0\\s+2\n");
    assertThat(text).doesNotContain("\u001b");
  }

  @Test
  void aSmallerLimitShowsMoreAndColoursTheDirection() {
    WhatIfResult r = WhatIf.replay(laptop("jdoe"), Map.of("jdoe", 1L), BEFORE.withSessionLimit(2));
    String text = print(r, laptop("jdoe"), Map.of("jdoe", 1L), BEFORE, false);
    assertThat(text).contains("KeepAliveTime 2 h (unchanged), session limit 4 \u2192 2");
    assertThat(r.total().predicted()).isGreaterThan(1);
    assertThat(text)
        .containsPattern("jdoe \\s+1 \u2192\\s+" + r.byUser().get(0).predicted() + "\\s");
    assertThat(print(r, laptop("jdoe"), Map.of("jdoe", 1L), BEFORE, true))
        .contains("\u001b[31m")
        .contains("\u001b[1m");
    WhatIfResult better =
        WhatIf.replay(laptop("jdoe"), Map.of("jdoe", 1L), BEFORE.withKeepAliveTime(300_000));
    assertThat(print(better, laptop("jdoe"), Map.of("jdoe", 1L), BEFORE, true))
        .contains("\u001b[32m");
  }

  @Test
  void userNamesCannotSendEscapesAndLongListsSayHowManyMore() {
    List<ReplaySession> many = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      many.add(new ReplaySession("user" + i, at(i), at(i), at(60), null, false));
    }
    many.add(new ReplaySession("evil\u001b[2J", at(0), at(0), at(60), null, false));
    String text = print(WhatIf.replay(many, Map.of(), BEFORE), many, Map.of(), BEFORE, false);
    assertThat(text).doesNotContain("\u001b").contains("\u2026 and 4 more");
  }
}
