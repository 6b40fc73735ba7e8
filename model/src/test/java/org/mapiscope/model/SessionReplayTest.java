package org.mapiscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.SessionReplay.Ending;

/**
 * The replay rules {@code analyze} and {@code whatif} share (docs/simulator.md §5): when a session
 * ends under another dead-peer time, and the smallest limit that refuses none of a user's attempts.
 */
class SessionReplayTest {

  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;

  /** The dead-peer time the evidence was logged under: the Windows defaults, 2 h + 10 × 1 s. */
  private static final long BASELINE =
      ExchangeDefaults.deadPeerDetectionMs(
          ExchangeDefaults.KEEP_ALIVE_TIME_MS,
          ExchangeDefaults.KEEP_ALIVE_INTERVAL_MS,
          ExchangeDefaults.KEEP_ALIVE_PROBES);

  private static final long UNKNOWN = Long.MAX_VALUE;
  private static final long NONE = SessionReplay.NONE;
  private static final long OPEN = SessionReplay.OPEN;

  /** Far after every session below. */
  private static final long EVIDENCE_END = 100 * HOUR;

  // ---------------------------------------------------------------- end(...)

  @Test
  void aClientThatNeverMovedOnEndsAsObservedWhateverTheKeepalive() {
    for (long deadPeer : new long[] {0, 5 * MIN, 30 * MIN, BASELINE, 10 * HOUR}) {
      assertThat(
              SessionReplay.end(
                  0, 10 * MIN, NONE, Ending.CLIENT, 9 * HOUR, BASELINE, EVIDENCE_END, deadPeer))
          .as("dead-peer %d", deadPeer)
          .isEqualTo(9 * HOUR);
      assertThat(
              SessionReplay.end(
                  0, 10 * MIN, NONE, Ending.OPEN, OPEN, BASELINE, EVIDENCE_END, deadPeer))
          .as("still open, dead-peer %d", deadPeer)
          .isEqualTo(OPEN);
      assertThat(
              SessionReplay.end(
                  0, 10 * MIN, NONE, Ending.CLIENT, 9 * HOUR, UNKNOWN, EVIDENCE_END, deadPeer))
          .as("unknown baseline, dead-peer %d", deadPeer)
          .isEqualTo(9 * HOUR);
    }
  }

  @Test
  void aRunDownSessionEndsANewDeadPeerTimeAfterItsLastActivity() {
    long last = 3 * HOUR;
    long observed = last + BASELINE; // run down one baseline dead-peer time after the last activity
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, BASELINE, EVIDENCE_END, BASELINE))
        .isEqualTo(observed);
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, BASELINE, EVIDENCE_END, 30 * MIN))
        .as("shorter keepalive: earlier")
        .isEqualTo(last + 30 * MIN);
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, BASELINE, EVIDENCE_END, 5 * HOUR))
        .as("longer keepalive: later than observed")
        .isEqualTo(last + 5 * HOUR);
  }

  @Test
  void aRunDownSessionWasAliveUntilItsEndMinusTheBaselineWhenThatIsLaterThanItsLastActivity() {
    // Default RCA logs show no activity after the logon: the client was alive until end − baseline.
    long last = 1 * MIN;
    long observed = 5 * HOUR;
    long aliveUntil = observed - BASELINE;
    assertThat(aliveUntil).isGreaterThan(last);
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, BASELINE, EVIDENCE_END, 30 * MIN))
        .isEqualTo(aliveUntil + 30 * MIN);
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, BASELINE, EVIDENCE_END, 4 * HOUR))
        .isEqualTo(aliveUntil + 4 * HOUR);
    // Without a known baseline only the last activity is known.
    assertThat(
            SessionReplay.end(
                0, last, NONE, Ending.RUNDOWN, observed, UNKNOWN, EVIDENCE_END, 30 * MIN))
        .isEqualTo(last + 30 * MIN);
  }

  @Test
  void aRunDownSessionEndsNoEarlierThanItStarted() {
    assertThat(
            SessionReplay.end(
                2 * HOUR, 0, NONE, Ending.RUNDOWN, 2 * HOUR + BASELINE, BASELINE, EVIDENCE_END, 0))
        .isEqualTo(2 * HOUR);
  }

  @Test
  void
      aMovedOnSessionIsReapedADeadPeerTimeAfterItsClientWasLastKnownAliveButNeverLaterThanObserved() {
    long movedOn = 1 * HOUR;
    long observed =
        movedOn + BASELINE; // reaped under the baseline, a dead-peer time after the move
    assertThat(
            SessionReplay.end(
                0, 0, movedOn, Ending.CLIENT, observed, BASELINE, EVIDENCE_END, 30 * MIN))
        .isEqualTo(movedOn + 30 * MIN);
    assertThat(
            SessionReplay.end(
                0, 0, movedOn, Ending.CLIENT, observed, BASELINE, EVIDENCE_END, 10 * HOUR))
        .as("a longer keepalive never makes it outlive its observed end")
        .isEqualTo(observed);
    // Closed late by a living client: alive until end − baseline, then reaped a new dead-peer time
    // later.
    long closed = movedOn + 5 * HOUR;
    assertThat(
            SessionReplay.end(
                0, 0, movedOn, Ending.CLIENT, closed, BASELINE, EVIDENCE_END, 30 * MIN))
        .isEqualTo(closed - BASELINE + 30 * MIN);
    // Still open at the end of the evidence: alive until just past that end minus the baseline.
    assertThat(
            SessionReplay.end(0, 0, movedOn, Ending.OPEN, OPEN, BASELINE, EVIDENCE_END, 30 * MIN))
        .isEqualTo(EVIDENCE_END + 1 - BASELINE + 30 * MIN);
  }

  @Test
  void aSessionEndedByARestartWithoutAMoveEndsAsObserved() {
    for (long deadPeer : new long[] {0, 5 * MIN, BASELINE, 10 * HOUR}) {
      assertThat(
              SessionReplay.end(
                  0, 10 * MIN, NONE, Ending.RESTART, 7 * HOUR, BASELINE, EVIDENCE_END, deadPeer))
          .as("dead-peer %d", deadPeer)
          .isEqualTo(7 * HOUR);
    }
  }

  @Test
  void aMovedOnSessionEndedByARestartMayBeReapedEarlierUnderAShorterKeepalive() {
    assertThat(
            SessionReplay.end(
                0, 0, 1 * HOUR, Ending.RESTART, 7 * HOUR, BASELINE, EVIDENCE_END, 30 * MIN))
        .isLessThan(7 * HOUR);
  }

  /**
   * docs/simulator.md §5: "a session ended by a restart ends there whatever the settings (if its
   * client had moved on, a shorter keepalive may reap it before)"; and the replay under the
   * baseline "ends every session when it was observed to end". A moved-on session that survived
   * several baseline dead-peer times until the restart was not reaped under the baseline, so under
   * the baseline it ends at the restart.
   */
  @Test
  void underTheBaselineAMovedOnSessionEndedByARestartEndsAtTheRestart() {
    long movedOn = 1 * HOUR;
    long restart = movedOn + 3 * BASELINE;
    assertThat(
            SessionReplay.end(
                0, 0, movedOn, Ending.RESTART, restart, BASELINE, EVIDENCE_END, BASELINE))
        .isEqualTo(restart);
  }

  /** A random session consistent with evidence logged under the baseline. */
  private record Logged(
      long start,
      long last,
      long movedOn,
      Ending ending,
      long end,
      long baseline,
      long evidenceEnd) {

    long replay(long deadPeer) {
      return SessionReplay.end(start, last, movedOn, ending, end, baseline, evidenceEnd, deadPeer);
    }
  }

  private static Logged logged(long seed, boolean restartsMoved) {
    Random r = new Random(seed);
    long baseline = 1 + (long) r.nextInt(4 * (int) HOUR);
    long start = r.nextInt(10 * (int) HOUR);
    long last = start + (r.nextBoolean() ? 0 : r.nextInt(3 * (int) HOUR));
    Ending ending;
    if (restartsMoved) {
      ending = Ending.RESTART;
    } else {
      Ending[] kinds = Ending.values();
      ending = kinds[r.nextInt(kinds.length)];
    }
    boolean moved = restartsMoved || (ending != Ending.RUNDOWN && r.nextBoolean());
    long movedOn = moved ? start + r.nextInt(5 * (int) HOUR) : NONE;
    if (ending == Ending.RESTART && !restartsMoved) {
      movedOn = NONE;
    }
    long latestSign = Math.max(last, movedOn == NONE ? last : movedOn);
    long end;
    long evidenceEnd;
    switch (ending) {
      case RUNDOWN ->
          // Keepalive runs a dead connection down a baseline dead-peer time (or more) after its
          // last packet.
          end = last + baseline + r.nextInt(2 * (int) HOUR);
      case OPEN -> end = OPEN;
      default -> end = latestSign + r.nextInt(8 * (int) HOUR);
    }
    evidenceEnd = (end == OPEN ? latestSign : end) + r.nextInt(2 * (int) HOUR);
    return new Logged(start, last, movedOn, ending, end, baseline, evidenceEnd);
  }

  @Test
  void underTheBaselineEverySessionEndsAsObserved() {
    qt().withExamples(2_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Logged s = logged(seed, false);
              long replayed = s.replay(s.baseline());
              if (s.end() == OPEN) {
                // Still open: it outlives the evidence.
                assertThat(replayed).as("%s", s).isGreaterThan(s.evidenceEnd());
              } else {
                assertThat(replayed).as("%s", s).isEqualTo(s.end());
              }
            });
  }

  @Test
  void underTheBaselineMovedOnSessionsEndedByARestartEndAsObserved() {
    qt().withExamples(500)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Logged s = logged(seed, true);
              assertThat(s.replay(s.baseline())).as("%s", s).isEqualTo(s.end());
            });
  }

  @Test
  void movedOnSessionsNeverEndLaterThanObservedAndNeverBeforeTheyStart() {
    qt().withExamples(2_000)
        .forAll(longs().all(), longs().between(0, 20 * HOUR))
        .checkAssert(
            (seed, deadPeer) -> {
              Logged s = logged(seed, false);
              long replayed = s.replay(deadPeer);
              assertThat(replayed).as("%s", s).isGreaterThanOrEqualTo(s.start());
              if (s.movedOn() != NONE && s.ending() != Ending.RUNDOWN) {
                assertThat(replayed).as("%s", s).isLessThanOrEqualTo(s.end());
              }
            });
  }

  @Test
  void aLongerKeepaliveNeverEndsASessionEarlier() {
    qt().withExamples(2_000)
        .forAll(longs().all(), longs().between(0, 10 * HOUR), longs().between(0, 10 * HOUR))
        .checkAssert(
            (seed, a, b) -> {
              Logged s = logged(seed, false);
              long shorter = Math.min(a, b);
              long longer = Math.max(a, b);
              assertThat(s.replay(shorter)).as("%s", s).isLessThanOrEqualTo(s.replay(longer));
            });
  }

  // ---------------------------------------------------------------- minimalLimit(...)

  private static long[] session(long start, long end) {
    return new long[] {start, end, 0};
  }

  @Test
  void withoutAttemptsNoLimitIsNeeded() {
    assertThat(SessionReplay.minimalLimit(new long[0][])).isZero();
  }

  @Test
  void theMinimalLimitIsThePeakCountingEachAttemptItself() {
    assertThat(
            SessionReplay.minimalLimit(
                new long[][] {session(0, 10), session(5, 15), session(10, 20)}))
        .as("a session ending at an instant frees its place for one starting then")
        .isEqualTo(2);
    assertThat(SessionReplay.minimalLimit(new long[][] {session(0, 10)})).isEqualTo(1);
  }

  @Test
  void atOneInstantSessionsComeBeforeRefusals() {
    long[] refused = SessionReplay.refusedAttempt(10, 10);
    long[] zeroLength = session(10, 10); // a Disconnect logged in the same instant as its Connect
    long[][] attempts = {refused, zeroLength};
    long[][] sorted = attempts.clone();
    Arrays.sort(sorted, SessionReplay.ORDER);
    assertThat(sorted[0]).isSameAs(zeroLength);
    // The session admitted at that instant was already over when the refusal came: one place is
    // enough.
    assertThat(SessionReplay.minimalLimit(attempts)).isEqualTo(1);
  }

  @Test
  void aRefusalMeetsEverySessionAdmittedAtItsInstant() {
    long[][] attempts = {SessionReplay.refusedAttempt(10, 10), session(10, 50), session(0, 50)};
    assertThat(SessionReplay.minimalLimit(attempts)).isEqualTo(3);
  }

  @Test
  void twoRefusedAttemptsAtTheSameInstantNeedTwoPlaces() {
    assertThat(
            SessionReplay.minimalLimit(
                new long[][] {
                  SessionReplay.refusedAttempt(10, 10), SessionReplay.refusedAttempt(10, 10)
                }))
        .isEqualTo(2);
    long[][] full = {
      session(0, 100),
      session(0, 100),
      session(1, 100),
      SessionReplay.refusedAttempt(50, 50),
      SessionReplay.refusedAttempt(50, 50)
    };
    assertThat(SessionReplay.minimalLimit(full)).isEqualTo(5);
  }

  @Test
  void aRefusedAttemptHoldsItsPlaceFromItsFirstRefusalUntilJustAfterItsLast() {
    assertThat(SessionReplay.refusedAttempt(100, 160))
        .containsExactly(100, 160 + SessionReplay.REFUSED_HOLD_MS, 1);
    assertThat(SessionReplay.refusedAttempt(100, 100))
        .containsExactly(100, 100 + SessionReplay.REFUSED_HOLD_MS, 1);
    assertThat(SessionReplay.refusedAttempt(100, 40))
        .as("a last before the first is the first")
        .containsExactly(100, 100 + SessionReplay.REFUSED_HOLD_MS, 1);
    assertThat(SessionReplay.REFUSED_HOLD_MS).isEqualTo(1);

    // Retries every minute for an hour hold one place for the hour, not sixty.
    long[] retries = SessionReplay.refusedAttempt(0, 59 * MIN);
    assertThat(SessionReplay.minimalLimit(new long[][] {retries, session(30 * MIN, 2 * HOUR)}))
        .isEqualTo(2);
    assertThat(SessionReplay.minimalLimit(new long[][] {retries, session(59 * MIN, 2 * HOUR)}))
        .as("the session the client finally got at its last retry")
        .isEqualTo(2);
    assertThat(SessionReplay.minimalLimit(new long[][] {retries, session(59 * MIN + 1, 2 * HOUR)}))
        .as("just after the last refusal the place is free")
        .isEqualTo(1);
  }

  @Test
  void theMinimalLimitIsTheSmallestLimitUnderWhichABruteForceReplayRefusesNothing() {
    qt().withExamples(1_000)
        .forAll(longs().all(), integers().between(0, 25))
        .checkAssert(
            (seed, n) -> {
              long[][] attempts = randomAttempts(new Random(seed), n);
              int brute = bruteForce(attempts);
              assertThat(SessionReplay.minimalLimit(attempts))
                  .as(describe(attempts))
                  .isEqualTo(brute);
            });
  }

  @Test
  void theMinimalLimitDoesNotDependOnTheOrderAttemptsAreGivenIn() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(0, 25))
        .checkAssert(
            (seed, n) -> {
              Random r = new Random(seed);
              long[][] attempts = randomAttempts(r, n);
              int expected = SessionReplay.minimalLimit(attempts);
              List<long[]> shuffled = new ArrayList<>(List.of(attempts));
              java.util.Collections.shuffle(shuffled, r);
              assertThat(SessionReplay.minimalLimit(shuffled.toArray(new long[0][])))
                  .isEqualTo(expected);
            });
  }

  /** Small times, so that starts and ends often fall on the same instant. */
  private static long[][] randomAttempts(Random r, int n) {
    long[][] attempts = new long[n][];
    for (int i = 0; i < n; i++) {
      long start = r.nextInt(20);
      if (r.nextInt(4) == 0) {
        attempts[i] = SessionReplay.refusedAttempt(start, start + r.nextInt(4));
      } else {
        attempts[i] = session(start, start + r.nextInt(12));
      }
    }
    return attempts;
  }

  /**
   * The reference: for limit 0, 1, 2, … replay the attempts one at a time — by start, sessions
   * before refused attempts at one instant, shorter first — against the attempts admitted so far
   * (those ending at or before an instant are gone by then); the first limit that refuses none is
   * the answer.
   */
  private static int bruteForce(long[][] attempts) {
    List<long[]> order = new ArrayList<>(List.of(attempts));
    order.sort(
        Comparator.<long[]>comparingLong(a -> a[0])
            .thenComparingLong(a -> a[2])
            .thenComparingLong(a -> a[1]));
    for (int limit = 0; ; limit++) {
      List<long[]> admitted = new ArrayList<>();
      boolean refusedAny = false;
      for (long[] a : order) {
        long now = a[0];
        long open = admitted.stream().filter(b -> b[0] <= now && now < b[1]).count();
        if (open >= limit) {
          refusedAny = true;
        } else {
          admitted.add(a);
        }
      }
      if (!refusedAny) {
        return limit;
      }
    }
  }

  private static String describe(long[][] attempts) {
    StringBuilder s = new StringBuilder();
    for (long[] a : attempts) {
      s.append(Arrays.toString(a)).append(' ');
    }
    return s.toString();
  }
}
