import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioParser;

/**
 * Simulator throughput and memory: one store of 10,000 users (office desktops, VPN laptops that
 * drop, a branch behind a WAN accelerator, search-indexer desktops, a BlackBerry service account)
 * over 30 and 365 days, on one thread. Peak heap is read from the heap pools' peak usage, reset per
 * run; run it with a small -Xmx to show that memory follows live sessions, not simulated time.
 */
public class SimBenchmark {

  private static final String SCENARIO =
      """
      {"duration": "%s", "seed": 2026, "server": {"keepAliveTime": "2h"},
       "populations": [
         {"name": "office", "users": 5000, "startsPerHour": 0.5, "sessionsPerStart": 2,
          "holding": {"dist": "lognormal", "mean": "3h", "sigma": 1.0}},
         {"name": "laptops", "users": 3500, "startsPerHour": 0.8, "sessionsPerStart": 3,
          "holding": {"dist": "lognormal", "mean": "45m"}, "abandonProbability": 0.3},
         {"name": "branch", "users": 1000, "startsPerHour": 0.5, "sessionsPerStart": 2,
          "holding": {"dist": "exponential", "mean": "1h"}, "abandonProbability": 0.1,
          "behindMiddlebox": true, "middleboxIdleTimeout": "12h"},
         {"name": "indexers", "users": 499, "startsPerHour": 0.25, "sessionsPerStart": 10,
          "holding": {"dist": "exponential", "mean": "2h"}},
         {"name": "bes", "kind": "serviceAccount", "mailboxes": 800, "users": 1, "startsPerHour": 6,
          "sessionsPerStart": 8, "holding": {"dist": "fixed", "mean": "30m"}}]}\
      """;

  public static void main(String[] args) throws Exception {
    Simulator.run(ScenarioParser.parse(SCENARIO.formatted("7d"))); // warm up the JIT
    for (String duration : new String[] {"30d", "365d"}) {
      Scenario s = ScenarioParser.parse(SCENARIO.formatted(duration));
      System.gc();
      resetPeaks();
      long t0 = System.nanoTime();
      SimulationResult r = Simulator.run(s);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-5s users=%d events=%,d wall=%.2fs events/s=%,.0f attempts=%,d rejected=%,d"
              + " open-at-end=%,d peak-heap=%.1fMB max-heap=%.0fMB%n",
          duration,
          s.totalUsers(),
          r.simulatedEvents(),
          seconds,
          r.simulatedEvents() / seconds,
          r.attempts(),
          r.rejected(),
          r.sessionsOpenAtEnd(),
          peakHeapBytes() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
