package org.mapiscope.ingest;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap use seen by the benchmarks, from GC notifications: the largest heap in use after any GC (the
 * live data) and the largest in use before one. Heap pools only: code cache and metaspace are not
 * what input size could grow.
 */
public final class HeapWatch {

  private static final Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong maxBeforeGc = new AtomicLong();

  private HeapWatch() {}

  /** Starts listening to every collector of this JVM. */
  public static HeapWatch start() {
    HeapWatch watch = new HeapWatch();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    n.getType())) {
                  return;
                }
                var info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                        .getGcInfo();
                watch.maxAfterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
                watch.maxBeforeGc.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
              },
              null,
              null);
    }
    return watch;
  }

  public long maxAfterGcMb() {
    return maxAfterGc.get() >> 20;
  }

  public long maxBeforeGcMb() {
    return maxBeforeGc.get() >> 20;
  }

  private static long heap(Map<String, MemoryUsage> pools) {
    return pools.entrySet().stream()
        .filter(e -> HEAP_POOLS.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed())
        .sum();
  }
}
