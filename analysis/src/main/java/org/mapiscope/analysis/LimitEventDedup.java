package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mapiscope.model.LimitEvent;

/**
 * Counts each Event 9646 once across overlapping exports (the .evtx and a 9646 XML of the same log,
 * two copies of a folder). An event is identified by its computer and record number where the
 * export carries one; otherwise by computer, second, identity, object type and limit — and then one
 * export may legitimately hold several such events (Outlook opening four sessions refused in the
 * same second), so the events of that key count as many as the fullest single source holds. Memory
 * grows with the number of distinct events, not with the number of copies. Thread-safe.
 */
final class LimitEventDedup implements Serializable {
  private static final long serialVersionUID = 1L;

  private record RecordKey(String server, long recordId) implements Serializable {}

  /** The moment of an event: server key, second, user key, object type, cap. */
  record MomentKey(String server, long second, String user, String objectType, int limit)
      implements Serializable {}

  /**
   * Per moment: record ids seen, the events each file without record ids held there, and the count
   * taken. A moment usually has one kind or the other, so each set is made when first needed.
   */
  private static final class Moment implements Serializable {
    private static final long serialVersionUID = 1L;

    private Set<Long> recordIds;
    private Map<String, Integer> perFile;
    int taken;

    Set<Long> recordIds() {
      if (recordIds == null) {
        recordIds = new HashSet<>(2);
      }
      return recordIds;
    }

    Map<String, Integer> perFile() {
      if (perFile == null) {
        perFile = new HashMap<>(2);
      }
      return perFile;
    }
  }

  private final Set<RecordKey> records = new HashSet<>();
  private final Map<MomentKey, Moment> moments = new HashMap<>();
  private long dropped;

  /** Whether the event is new; {@code false} for a copy of one already counted. */
  synchronized boolean firstSight(LimitEvent e, String serverKey, String userKey) {
    Moment m =
        moments.computeIfAbsent(
            new MomentKey(
                serverKey,
                Math.floorDiv(e.time().toEpochMilli(), 1000L),
                userKey,
                e.objectType(),
                e.limit()),
            k -> new Moment());
    int held;
    if (e.recordId() != null) {
      if (!records.add(new RecordKey(serverKey, e.recordId()))) {
        dropped++;
        return false;
      }
      m.recordIds().add(e.recordId());
      held = m.recordIds().size();
    } else {
      held = m.perFile().merge(e.ref().file(), 1, Integer::sum);
    }
    if (held > m.taken) {
      m.taken++;
      return true;
    }
    dropped++;
    return false;
  }

  synchronized long dropped() {
    return dropped;
  }

  /**
   * Takes over another partial's events (for {@link Analyzer#absorb}). Where both partials counted
   * copies of the same events, the union counts them once: the events counted twice are returned
   * per moment, for the caller to take back out of its tallies, and are added to {@link
   * #dropped()}.
   */
  synchronized Map<MomentKey, Integer> addAll(LimitEventDedup other) {
    Map<MomentKey, Integer> excess = new HashMap<>();
    synchronized (other) {
      records.addAll(other.records);
      other.moments.forEach(
          (k, theirs) -> {
            Moment mine = moments.get(k);
            if (mine == null) {
              Moment copy = new Moment();
              copy.recordIds().addAll(theirs.recordIds());
              copy.perFile().putAll(theirs.perFile());
              copy.taken = theirs.taken;
              moments.put(k, copy);
              return;
            }
            int counted = mine.taken + theirs.taken;
            mine.recordIds().addAll(theirs.recordIds());
            theirs.perFile().forEach((f, n) -> mine.perFile().merge(f, n, Math::max));
            int union =
                Math.max(
                    mine.recordIds().size(),
                    mine.perFile().values().stream().mapToInt(Integer::intValue).max().orElse(0));
            mine.taken = Math.min(counted, union);
            if (counted > mine.taken) {
              excess.put(k, counted - mine.taken);
              dropped += counted - mine.taken;
            }
          });
      dropped += other.dropped;
    }
    return excess;
  }
}
