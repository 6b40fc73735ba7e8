package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.util.TreeSet;
import org.mapiscope.model.LimitEvent;

/**
 * The 9646 events of one user, object type and limit. Merges by sums, minima, maxima and unions.
 */
final class LimitEventTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a tally counts. */
  record Key(String user, String objectType, int limit) implements Serializable {}

  final Key key;
  String dn;
  long count;
  Instant first;
  Instant last;
  final TreeSet<String> servers = new TreeSet<>();
  final ExampleSample examples = new ExampleSample();

  LimitEventTally(Key key) {
    this.key = key;
  }

  synchronized void add(LimitEvent e, String serverKey) {
    count++;
    first = first == null || e.time().isBefore(first) ? e.time() : first;
    last = last == null || e.time().isAfter(last) ? e.time() : last;
    if (dn == null || (e.dn() != null && e.dn().compareTo(dn) < 0)) {
      dn = e.dn() != null ? e.dn() : dn;
    }
    if (ServerNames.isKnown(serverKey)) {
      servers.add(serverKey);
    }
    examples.add(
        new Example(
            e.time(),
            e.ref(),
            "Event 9646: "
                + e.objectType()
                + " limit "
                + e.limit()
                + " exceeded by "
                + (e.dn() != null ? e.dn() : e.user())
                + (ServerNames.isKnown(serverKey) ? " on " + serverKey : "")));
  }

  /** Takes back events counted twice (copies that two partials each counted once). */
  synchronized void remove(int events) {
    count = Math.max(0, count - events);
  }

  synchronized void addAll(LimitEventTally other) {
    synchronized (other) {
      count += other.count;
      if (other.first != null && (first == null || other.first.isBefore(first))) {
        first = other.first;
      }
      if (other.last != null && (last == null || other.last.isAfter(last))) {
        last = other.last;
      }
      if (other.dn != null && (dn == null || other.dn.compareTo(dn) < 0)) {
        dn = other.dn;
      }
      servers.addAll(other.servers);
      examples.addAll(other.examples);
    }
  }

  /**
   * A tally of another user key (a GUID resolved to its user) with the same counts, its servers
   * under the keys they stand for.
   */
  synchronized LimitEventTally rekeyed(String user, ServerAliases aliases) {
    LimitEventTally t = new LimitEventTally(new Key(user, key.objectType(), key.limit()));
    t.addAll(this);
    t.servers.clear();
    servers.forEach(s -> t.servers.add(aliases.canonical(s)));
    return t;
  }
}
