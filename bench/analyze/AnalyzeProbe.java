import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.analysis.PartitionedAnalysis;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.model.EvidenceSink;

/**
 * Measurements for bench/analyze/run.sh, run from the built jar ({@code java -cp mapiscope.jar
 * bench/analyze/AnalyzeProbe.java MODE DIR [THREADS]}):
 *
 * <ul>
 *   <li>{@code ingest}: reading alone — every file parsed into evidence that a counting sink drops;
 *       prints MB/s.
 *   <li>{@code track-bytes}: the analysis state per (server, user) track — the live heap after the
 *       evidence was read into the analysis and merged, minus the live heap before, over the
 *       tracks.
 * </ul>
 */
public final class AnalyzeProbe {

  private AnalyzeProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Ingestor ingestor = Ingestor.builder().threads(threads).build();
    if (mode.equals("ingest")) {
      LongAdder evidence = new LongAdder();
      long start = System.nanoTime();
      ingestor.ingestPerWorker(List.of(dir), () -> (EvidenceSink) e -> evidence.increment());
      double seconds = (System.nanoTime() - start) / 1e9;
      double mb = bytes(dir) / 1048576.0;
      System.out.printf(
          "ingest alone  %.0f MB in %.1f s: %.0f MB/s (%,d evidence, %d threads)%n",
          mb, seconds, mb / seconds, evidence.sum(), threads);
    } else if (mode.equals("track-bytes")) {
      long before = liveHeap();
      PartitionedAnalysis analysis = new PartitionedAnalysis();
      ingestor.ingestPerWorker(List.of(dir), analysis::newPartition);
      Analyzer merged = analysis.merged();
      // The reading threads end just after the reading: wait, so their caches are not counted.
      Thread.sleep(500);
      long after = liveHeap();
      long tracks = merged.trackCount();
      System.out.printf(
          "analysis state  %,d tracks, %.0f MB live: %,d bytes per track%n",
          tracks, (after - before) / 1048576.0, (after - before) / Math.max(1, tracks));
    } else {
      throw new IllegalArgumentException("mode: ingest or track-bytes");
    }
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long bytes(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
