package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A map that keeps at most {@code cap} entries, most recently used last: per-user detail (client
 * addresses, programs) must not grow with the length of the logs. Beyond the cap the least recently
 * used entry that is not pinned is handed to {@code evicted} (which folds it into a summary) and
 * dropped; pinned entries are live state (a client with open sessions) and stay.
 */
final class RecentMap<K, V> extends LinkedHashMap<K, V> {

  private static final long serialVersionUID = 1L;

  /** Which entries stay; serializable so a partial analysis can move to another machine. */
  interface Pinned<V> extends Predicate<V>, Serializable {}

  /** Where a dropped entry is folded; serializable like {@link Pinned}. */
  interface Evicted<K, V> extends BiConsumer<K, V>, Serializable {}

  private final int cap;
  private final Pinned<V> pinned;
  private final Evicted<K, V> evicted;

  RecentMap(int cap, Pinned<V> pinned, Evicted<K, V> evicted) {
    super(16, 0.75f, true);
    this.cap = cap;
    this.pinned = pinned;
    this.evicted = evicted;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    if (size() <= cap) {
      return false;
    }
    // The newest entry is the one being added: it is never the one to go.
    int candidates = size() - 1;
    Iterator<Map.Entry<K, V>> it = entrySet().iterator();
    for (int i = 0; i < candidates; i++) {
      Map.Entry<K, V> e = it.next();
      if (!pinned.test(e.getValue())) {
        it.remove();
        evicted.accept(e.getKey(), e.getValue());
        return false;
      }
    }
    return false;
  }
}
