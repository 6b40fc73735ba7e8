package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import org.mapiscope.model.SessionReplay;

/**
 * The sessions of one user on one server around the times the user was near the limit, kept so the
 * refusals (9646 events, which may be read before or after the RCA logs) can be joined to what the
 * server held then. Recording starts when the user first holds {@link Thresholds#HISTORY_FLOOR}
 * sessions at once: a refusal needs at least that many open, so the sessions open at any refusal
 * are all recorded, and users who never get near the limit cost nothing. Compact parallel arrays;
 * beyond {@link Thresholds#MAX_HISTORY_SESSIONS} the oldest half is dropped and the record counts
 * as complete only from the first session kept. Not thread-safe.
 */
final class SessionHistory implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final long[] NONE = new long[0];

  private static final byte[] NO_ENDINGS = new byte[0];

  private long[] starts = NONE;
  private long[] lastActivity = NONE;
  private long[] movedOnAt = NONE;
  private long[] ends = NONE;
  private byte[] endings = NO_ENDINGS;
  private int size;

  /** Earliest time from which the history is complete: sessions ending before it may be missing. */
  long completeFrom = Long.MAX_VALUE;

  boolean recording() {
    return completeFrom != Long.MAX_VALUE;
  }

  void startRecording(long at) {
    if (!recording()) {
      completeFrom = at;
    }
  }

  void add(OpenSession s, long end, SessionReplay.Ending ending) {
    if (size == starts.length) {
      grow();
    }
    starts[size] = s.start.toEpochMilli();
    lastActivity[size] = s.lastActivity.toEpochMilli();
    movedOnAt[size] = s.superseded() ? s.supersededAt.toEpochMilli() : SessionReplay.NONE;
    ends[size] = end;
    endings[size] = (byte) ending.ordinal();
    size++;
  }

  int size() {
    return size;
  }

  long start(int i) {
    return starts[i];
  }

  long lastActivity(int i) {
    return lastActivity[i];
  }

  long movedOnAt(int i) {
    return movedOnAt[i];
  }

  long end(int i) {
    return ends[i];
  }

  SessionReplay.Ending ending(int i) {
    return SessionReplay.Ending.values()[endings[i]];
  }

  private void grow() {
    if (size >= Thresholds.MAX_HISTORY_SESSIONS) {
      int keep = size / 2;
      int from = size - keep;
      completeFrom = Math.max(completeFrom, starts[from]);
      System.arraycopy(starts, from, starts, 0, keep);
      System.arraycopy(lastActivity, from, lastActivity, 0, keep);
      System.arraycopy(movedOnAt, from, movedOnAt, 0, keep);
      System.arraycopy(ends, from, ends, 0, keep);
      System.arraycopy(endings, from, endings, 0, keep);
      size = keep;
      return;
    }
    int n = Math.max(16, Math.min(Thresholds.MAX_HISTORY_SESSIONS, size * 2));
    starts = Arrays.copyOf(starts, n);
    lastActivity = Arrays.copyOf(lastActivity, n);
    movedOnAt = Arrays.copyOf(movedOnAt, n);
    ends = Arrays.copyOf(ends, n);
    endings = Arrays.copyOf(endings, n);
  }
}
