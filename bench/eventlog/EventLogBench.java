import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mapiscope.ingest.HeapWatch;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.LimitEvent;

/**
 * Event log export throughput on one thread: each file is read RUNS times through {@link Ingestor}
 * (detection included, threads(1), a sink that only counts), and MB/s per run, best and median are
 * printed with the records, skips and 9646 found. Heap comes from GC notifications: the largest
 * heap in use after any GC (the live data) and the largest in use before one.
 *
 * <p>usage: java -cp … EventLogBench.java RUNS FILE…
 */
public class EventLogBench {

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    HeapWatch heap = HeapWatch.start();
    for (String name : Arrays.asList(args).subList(1, args.length)) {
      Path file = Path.of(name);
      long bytes = Files.size(file);
      List<Double> rates = new ArrayList<>();
      String summary = "";
      for (int run = 0; run < runs; run++) {
        long[] limits = new long[1];
        long t0 = System.nanoTime();
        IngestResult result =
            Ingestor.builder()
                .threads(1)
                .timezone(ZoneOffset.UTC)
                .build()
                .ingest(
                    List.of(file),
                    e -> {
                      if (e instanceof LimitEvent) {
                        limits[0]++;
                      }
                    });
        double seconds = (System.nanoTime() - t0) / 1e9;
        rates.add(bytes / 1048576.0 / seconds);
        InputSummary in = result.inputs().get(0);
        summary =
            String.format(
                Locale.ROOT,
                "format=%s records=%,d skipped=%,d 9646=%,d",
                in.format(),
                in.records(),
                in.skipped(),
                limits[0]);
        System.out.printf(
            Locale.ROOT,
            "  %s run %d: %.1f s, %.0f MB/s%n",
            file.getFileName(),
            run + 1,
            seconds,
            rates.get(rates.size() - 1));
      }
      List<Double> sorted = rates.stream().sorted().toList();
      System.out.printf(
          Locale.ROOT,
          "%s: %,.0f MB, %s; best %.0f MB/s, median %.0f MB/s%n",
          file.getFileName(),
          bytes / 1048576.0,
          summary,
          sorted.get(sorted.size() - 1),
          sorted.get(sorted.size() / 2));
    }
    System.out.printf(
        "heap: max used after GC %d MB, max used before GC %d MB (-Xmx %d MB)%n",
        heap.maxAfterGcMb(), heap.maxBeforeGcMb(), Runtime.getRuntime().maxMemory() >> 20);
  }
}
