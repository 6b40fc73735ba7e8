package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.ingest.Links;
import org.mapiscope.ingest.ProgressListener;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.report.console.ProgressLine;

/**
 * What every command that reads evidence does the same way: check paths, ingest with progress,
 * explain an empty run.
 */
final class EvidenceReading {

  private EvidenceReading() {}

  /**
   * A path that does not exist is a typo the user must hear about, not an empty run; one the system
   * will not let us read is refused with the system's reason. A symbolic link loop exists (as a
   * link) and goes on to the ingest, which lists it as unreadable with the loop.
   */
  static void requireExisting(List<Path> paths) {
    for (Path p : paths) {
      if (!Links.isLoop(p)) {
        OutputFiles.requireReadable(p);
      }
    }
  }

  /**
   * Reads the evidence into {@code sink}, drawing a progress line on {@code err} when it is a
   * terminal.
   *
   * @param threads files read in parallel, or {@code null} for the number of processors
   */
  static IngestResult ingest(
      List<Path> paths,
      ZoneId timezone,
      Integer threads,
      boolean quiet,
      PrintStream err,
      EvidenceSink sink) {
    return ingest(
        paths,
        timezone,
        threads,
        quiet,
        err,
        ProgressListener.NONE,
        (ingestor, p) -> ingestor.ingest(p, sink));
  }

  /**
   * Reads the evidence into a sink per reading thread from {@code workerSinks} (see {@link
   * Ingestor#ingestPerWorker}), drawing a progress line on {@code err} when it is a terminal and
   * telling {@code progress} of every finished file.
   */
  static IngestResult ingestPerWorker(
      List<Path> paths,
      ZoneId timezone,
      Integer threads,
      boolean quiet,
      PrintStream err,
      ProgressListener progress,
      Supplier<? extends EvidenceSink> workerSinks) {
    return ingest(
        paths,
        timezone,
        threads,
        quiet,
        err,
        progress,
        (ingestor, p) -> ingestor.ingestPerWorker(p, workerSinks));
  }

  private static IngestResult ingest(
      List<Path> paths,
      ZoneId timezone,
      Integer threads,
      boolean quiet,
      PrintStream err,
      ProgressListener also,
      BiFunction<Ingestor, List<Path>, IngestResult> run) {
    Ingestor.Builder builder = Ingestor.builder().timezone(timezone);
    if (threads != null) {
      if (threads < 1) {
        throw new UserException(ExitCodes.USAGE, "--threads must be at least 1, not " + threads);
      }
      builder.threads(threads);
    }
    ProgressLine progress = !quiet && Terminal.interactive() ? new ProgressLine(err) : null;
    long start = System.nanoTime();
    builder.progress(
        p -> {
          also.update(p);
          if (progress != null) {
            progress.update(
                p.filesDone(),
                p.filesTotal(),
                p.bytesDone(),
                p.bytesTotal(),
                Duration.ofNanos(System.nanoTime() - start));
          }
        });
    IngestResult result = run.apply(builder.build(), paths);
    if (progress != null) {
      progress.finish();
    }
    return result;
  }

  /**
   * Says why nothing could be read (the first files and their reasons) and gives the exit code for
   * it.
   */
  static int nothingReadable(IngestResult ingested, PrintStream console, boolean quiet) {
    if (!quiet) {
      console.println("mapiscope: nothing readable in the given paths:");
      ingested.inputs().stream()
          .limit(20)
          .forEach(
              i ->
                  console.println(
                      "  "
                          + i.path()
                          + ": "
                          + i.format()
                          + (i.errors().isEmpty()
                              ? ""
                              : " (" + i.errors().get(0).message() + ")")));
      if (ingested.inputs().size() > 20) {
        console.println("  … and " + (ingested.inputs().size() - 20) + " more");
      }
    }
    return ExitCodes.NOTHING_READABLE;
  }
}
