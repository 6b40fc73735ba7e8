import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.mapiscope.evtx.EvtxParser;

/**
 * Steady-state throughput of the JSON-lines path in one JVM (after JIT warm-up), which is what a
 * long-running ingest sees. Usage: java -cp EVTX_JAR WarmRun.java FILE THREADS RUNS
 */
public class WarmRun {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    double mb = Files.size(file) / 1048576.0;
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try (EvtxParser reader = EvtxParser.open(file).parallelism(threads)) {
        Iterator<byte[]> chunks = reader.jsonLineChunks(null, null);
        long bytes = 0;
        while (chunks.hasNext()) {
          bytes += chunks.next().length;
        }
        if (bytes == 0) {
          throw new IllegalStateException("no output");
        }
      }
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    // The first half warms the JIT; report best and median of the rest.
    double[] warm = Arrays.copyOfRange(seconds, runs / 2, runs);
    Arrays.sort(warm);
    System.out.printf(
        "warm, %d thread(s): best %.3f s (%.0f MB/s), median %.3f s (%.0f MB/s)%n",
        threads, warm[0], mb / warm[0], warm[warm.length / 2], mb / warm[warm.length / 2]);
  }
}
