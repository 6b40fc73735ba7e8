package org.mapiscope.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Feeds a {@link HeapGuard} the live heap after every full (major) collection, from the JVM's
 * garbage-collection notifications: after a full collection the heap in use is the live data. A
 * young collection's "after" figure still counts old garbage; when the guard wants a measurement
 * then, a daemon thread asks the JVM for a full collection ({@code System.gc()}). Close to stop
 * listening.
 */
final class HeapWatch implements AutoCloseable {

  private final HeapGuard guard;
  private final Set<String> heapPools = new HashSet<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  private HeapWatch(HeapGuard guard) {
    this.guard = guard;
  }

  /** Watches this JVM's collectors for {@code guard}. */
  static HeapWatch start(HeapGuard guard) {
    HeapWatch watch = new HeapWatch(guard);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        watch.heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.listener, null, null);
        watch.emitters.add(emitter);
      }
    }
    return watch;
  }

  /** The largest heap this JVM may use ({@code -Xmx}), or -1 when it has no limit. */
  static long maxHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  private void collected(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    boolean major = info.getGcAction().contains("major");
    long live = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        live += pool.getValue().getUsed();
      }
    }
    if (major) {
      guard.afterFullCollection(live);
    } else if (guard.measureAfterYoungCollection(live)) {
      Thread measure = new Thread(System::gc, "mapiscope-heap-measure");
      measure.setDaemon(true);
      measure.start();
    }
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
