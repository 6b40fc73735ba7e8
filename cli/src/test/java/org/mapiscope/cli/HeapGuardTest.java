package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap guard's verdicts from injected heap readings: no JVM memory is measured here. */
class HeapGuardTest {

  private static final long MB = 1024 * 1024;

  @Test
  void goesOnWhileTheLiveHeapLeavesRoom() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(10, 100);
    guard.afterFullCollection(200 * MB);
    guard.read(90, 100);
    guard.afterFullCollection(200 * MB);

    assertThat(guard.shortage()).isNull();
  }

  @Test
  void stopsWhenAFullCollectionLeavesNoRoomToWork() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(5, 100);
    guard.afterFullCollection(240 * MB);

    HeapGuard.Shortage s = guard.shortage();
    assertThat(s).isNotNull();
    assertThat(s.liveBytes()).isEqualTo(240 * MB);
    assertThat(s.neededBytes()).isEqualTo(240 * MB);
  }

  @Test
  void stopsEarlyWhenTheRestOfTheInputWillNotFit() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(30, 100);
    guard.afterFullCollection(110 * MB);
    guard.read(40, 100);
    guard.afterFullCollection(150 * MB);

    HeapGuard.Shortage s = guard.shortage();
    assertThat(s).isNotNull();
    // 40 MB per tenth of the input since the earlier collection, six tenths to go.
    assertThat(s.neededBytes()).isBetween(389 * MB, 390 * MB);
  }

  @Test
  void goesOnWhenTheLiveHeapStopsGrowing() {
    // The same users every day: all their tracks exist early, later days add little.
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(25, 100);
    guard.afterFullCollection(140 * MB);
    guard.read(40, 100);
    guard.afterFullCollection(142 * MB);
    guard.read(70, 100);
    guard.afterFullCollection(145 * MB);

    assertThat(guard.shortage()).isNull();
  }

  @Test
  void aSingleReadingOrCloselySpacedOnesAreNotExtrapolated() {
    HeapGuard single = new HeapGuard(256 * MB);
    single.read(40, 100);
    single.afterFullCollection(150 * MB);
    HeapGuard close = new HeapGuard(256 * MB);
    close.read(40, 100);
    close.afterFullCollection(150 * MB);
    close.read(42, 100);
    close.afterFullCollection(160 * MB);

    assertThat(single.shortage()).isNull();
    assertThat(close.shortage()).isNull();
  }

  @Test
  void doesNotExtrapolateFromTheFirstFilesNorFromASmallLiveHeap() {
    HeapGuard early = new HeapGuard(256 * MB);
    early.read(10, 100);
    early.afterFullCollection(150 * MB);
    HeapGuard small = new HeapGuard(256 * MB);
    small.read(30, 100);
    small.afterFullCollection(80 * MB);

    assertThat(early.shortage()).isNull();
    assertThat(small.shortage()).isNull();
  }

  @Test
  void asksForAFullCollectionOncePerTenthOfTheInputWhenYoungOnesLeaveTheHeapHalfFull() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(20, 100);
    boolean tooEarly = guard.measureAfterYoungCollection(200 * MB);
    guard.read(30, 100);
    boolean lowUse = guard.measureAfterYoungCollection(80 * MB);
    boolean first = guard.measureAfterYoungCollection(140 * MB);
    guard.read(35, 100);
    boolean sameTenth = guard.measureAfterYoungCollection(150 * MB);
    guard.read(41, 100);
    boolean nextTenth = guard.measureAfterYoungCollection(150 * MB);

    assertThat(tooEarly).isFalse();
    assertThat(lowUse).isFalse();
    assertThat(first).isTrue();
    assertThat(sameTenth).isFalse();
    assertThat(nextTenth).isTrue();
  }

  @Test
  void theFirstShortageStands() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(50, 100);
    guard.afterFullCollection(240 * MB);
    guard.afterFullCollection(100 * MB);

    assertThat(guard.shortage().liveBytes()).isEqualTo(240 * MB);
  }

  @Test
  void theMessageNamesTracksHeapNeedAndBothWaysOut() {
    HeapGuard.Shortage s = new HeapGuard.Shortage(230 * MB, 256 * MB, 0.4, 575 * MB);

    String message = HeapGuard.message(s, 20_000);

    assertThat(message)
        .contains("20,000 (server, user) tracks")
        .contains("230 MB of the 256 MB heap")
        .contains("40% of the input read")
        .contains("about 575 MB")
        .contains("MAPISCOPE_JAVA_OPTS=-Xmx1024m")
        .contains("mapiscope fleet");
  }

  @Test
  void runningOutBeforeAFullCollectionStillGivesAdvice() {
    HeapGuard guard = new HeapGuard(256 * MB);
    guard.read(50, 100);

    HeapGuard.Shortage s = guard.exhausted();

    assertThat(s.neededBytes()).isEqualTo(512 * MB);
    assertThat(HeapGuard.message(s, 7)).contains("-Xmx768m");
  }
}
