package org.mapiscope.ingest.rca;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.ByteLineReader;
import org.mapiscope.ingest.HeapWatch;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.ingest.TextDecoding;

/**
 * Times RCA ingestion (bench/ingest/README.md): the whole {@link Ingestor} single-threaded and with
 * the pool, plus the CSV splitting alone (FastCSV on decoded text against {@link CsvLine} on the
 * bytes) on the first files. Reports MB/s and the heap: the largest heap in use after any GC (live
 * data) and the largest in use at all, from GC notifications.
 *
 * <p>Usage: {@code RcaBench <dir> [threads...]}
 */
public final class RcaBench {

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    HeapWatch heap = HeapWatch.start();
    long bytes;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    System.out.printf(
        "data: %d files, %.0f MB in %s, %d cores, max heap %d MB%n",
        files.size(),
        bytes / 1e6,
        dir,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    splitting(files.subList(0, Math.min(files.size(), 50)));
    int[] threads =
        args.length > 1
            ? Stream.of(args).skip(1).mapToInt(Integer::parseInt).toArray()
            : new int[] {1, Runtime.getRuntime().availableProcessors()};
    for (int t : threads) {
      ingest(dir, t, bytes);
    }
    System.out.printf(
        "heap: max used after GC %d MB, max used before GC %d MB%n",
        heap.maxAfterGcMb(), heap.maxBeforeGcMb());
  }

  private static void ingest(Path dir, int threads, long bytes) {
    AtomicLong events = new AtomicLong();
    long start = System.nanoTime();
    IngestResult result =
        Ingestor.builder()
            .threads(threads)
            .timezone(ZoneId.of("UTC"))
            .build()
            .ingest(List.of(dir), e -> events.incrementAndGet());
    double seconds = (System.nanoTime() - start) / 1e9;
    long skipped = result.inputs().stream().mapToLong(i -> i.skipped()).sum();
    System.out.printf(
        "ingest threads=%d: %.1f s, %.0f MB/s, %d events, %d skipped%n",
        threads, seconds, bytes / 1e6 / seconds, events.get(), skipped);
  }

  /**
   * CSV splitting alone, one thread: lines only, FastCSV records, CsvLine with the fields RCA
   * needs.
   */
  private static void splitting(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    for (int round = 0; round < 2; round++) { // the first round warms the JIT
      long t0 = System.nanoTime();
      long lines = 0;
      for (Path f : files) {
        try (BoundedLineReader r =
            TextDecoding.lines(Files.newInputStream(f), (l, o, c, n) -> {})) {
          while (r.readLine() != null) {
            lines++;
          }
        }
      }
      long t1 = System.nanoTime();
      long fields = 0;
      for (Path f : files) {
        try (Reader r = TextDecoding.decoded(Files.newInputStream(f));
            CsvReader<CsvRecord> csv =
                CsvReader.builder()
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .ofCsvRecord(r)) {
          for (CsvRecord rec : csv) {
            fields += rec.getFieldCount();
          }
        }
      }
      long t2 = System.nanoTime();
      CsvLine csv = new CsvLine(StandardCharsets.UTF_8);
      long kept = 0;
      for (Path f : files) {
        try (ByteLineReader r =
            new ByteLineReader(
                Files.newInputStream(f),
                StandardCharsets.UTF_8,
                BoundedLineReader.MAX_LINE_CHARS,
                (l, o, c, n) -> {})) {
          while (r.next()) {
            csv.split(r.array(), r.offset(), r.length());
            for (int i : new int[] {0, 1, 3, 5, 6, 7, 8, 10, 15, 16, 18}) {
              kept += csv.field(i).length();
            }
          }
        }
      }
      long t3 = System.nanoTime();
      if (round == 1) {
        System.out.printf(
            "splitting %.0f MB, 1 thread: lines only %.0f MB/s; FastCSV all fields %.0f MB/s;"
                + " CsvLine 11 fields %.0f MB/s (%d lines, %d fields, %d chars)%n",
            bytes / 1e6,
            mbps(bytes, t1 - t0),
            mbps(bytes, t2 - t1),
            mbps(bytes, t3 - t2),
            lines,
            fields,
            kept);
      }
    }
  }

  private static double mbps(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }
}
