package org.mapiscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.analysis.PartitionedAnalysis;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.console.ConsoleSummary;
import org.mapiscope.report.events.LimitEventHistogram;
import org.mapiscope.report.html.AnalyzeHtml;
import org.mapiscope.report.json.AnalyzeJson;
import org.mapiscope.report.scripts.DirectoryTarget;
import org.mapiscope.report.scripts.FixScripts;
import org.mapiscope.report.scripts.ScriptSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapiscope analyze}: evidence in, 9646 tally, causes, remedies and scripts out. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Finds why users hit Event 9646 and what to do, from exported evidence.",
      "Reads folders, .zip and .gz (every format detected by content) and reports Event 9646 per"
          + " user, object type and server, the sessions behind them, their causes and the fixes in"
          + " the expert's order."
    })
final class AnalyzeCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  @Mixin EvidenceInputs evidence = new EvidenceInputs();

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Write the JSON result to FILE, or to standard output with '-' (schema:"
              + " analyze.schema.json).")
  String json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write a self-contained HTML report to FILE.")
  Path html;

  @Option(
      names = "--scripts",
      paramLabel = "DIR",
      description = "Write fix scripts (.reg/.ps1) with rollbacks and a README to DIR.")
  Path scripts;

  @Option(
      names = "--fail-on-findings",
      description = "Exit with 4 when there are findings (for monitoring scripts).")
  boolean failOnFindings;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that read and analyse files in parallel, and then draw the per-user"
              + " conclusions (default: number of processors).")
  Integer threads;

  @Mixin ConsoleOptions console = new ConsoleOptions();

  AnalyzeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    EvidenceReading.requireExisting(evidence.paths);
    OutputTargets outputs = OutputTargets.of(json, html, scripts).requireParents();
    // One analysis partition and one 9646 histogram per reading thread, merged once all is read.
    PartitionedAnalysis analysis = new PartitionedAnalysis();
    List<LimitEventHistogram> histograms = Collections.synchronizedList(new ArrayList<>());
    HeapGuard guard = new HeapGuard(HeapWatch.maxHeap());
    IngestResult ingested;
    HeapWatch watch = HeapWatch.start(guard);
    try {
      ingested =
          EvidenceReading.ingestPerWorker(
              evidence.paths,
              evidence.timezone,
              threads,
              console.quiet,
              err,
              p -> guard.read(p.bytesDone(), p.bytesTotal()),
              () -> {
                EvidenceSink partition = analysis.newPartition();
                LimitEventHistogram histogram = new LimitEventHistogram();
                histograms.add(histogram);
                return item -> {
                  if (guard.shortage() != null) {
                    throw new HeapShortage();
                  }
                  partition.accept(item);
                  if (item instanceof LimitEvent limit) {
                    histogram.add(limit);
                  }
                };
              });
    } catch (HeapShortage e) {
      throw outOfMemory(guard.shortage(), analysis);
    } catch (OutOfMemoryError e) {
      // Collected faster than the guard could tell: the same advice, from what is known now.
      throw outOfMemory(guard.exhausted(), analysis);
    } finally {
      watch.close();
    }
    Analyzer analyzer = analysis.merged();
    LimitEventHistogram histogram = new LimitEventHistogram();
    histograms.forEach(histogram::merge);
    PrintStream summary = outputs.console(out, err);
    if (!ingested.anythingRecognized()) {
      return EvidenceReading.nothingReadable(ingested, summary, console.quiet);
    }

    AnalysisResult result =
        analyzer.finish(
            AnalysisOptions.inferAll(),
            threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    ScriptSet scriptSet = ScriptSet.empty();
    if (scripts != null) {
      scriptSet = FixScripts.render(result);
      try {
        scriptSet.writeTo(new DirectoryTarget(scripts));
      } catch (IOException e) {
        throw new UserException(
            ExitCodes.USAGE, "cannot write scripts to " + scripts + ": " + OutputFiles.describe(e));
      }
    }
    AnalyzeReport report =
        new AnalyzeReport(
            VersionProvider.version(),
            ingested.inputs(),
            result,
            evidence.timezone,
            histogram,
            scriptSet);
    outputs.writeJson(out, "the JSON result", stream -> AnalyzeJson.write(report, stream));
    outputs.writeHtml("the HTML report", w -> AnalyzeHtml.write(report, w));
    if (!console.quiet) {
      ConsoleSummary.print(report, summary, console.color());
      String hint = moreOutputsHint(!result.findings().isEmpty());
      if (hint != null) {
        summary.println();
        summary.println(hint);
      }
    }
    return failOnFindings && !result.findings().isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /**
   * The closing line naming the outputs the user did not ask for: the HTML report always, the fix
   * scripts only when there is something to fix; {@code null} when there is nothing to add.
   */
  private static UserException outOfMemory(HeapGuard.Shortage s, PartitionedAnalysis analysis) {
    return new UserException(ExitCodes.OUT_OF_MEMORY, HeapGuard.message(s, analysis.trackCount()));
  }

  /** Stops the reading threads once the heap guard found the heap too small. */
  private static final class HeapShortage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeapShortage() {
      super("the heap is too small for this evidence", null, false, false);
    }
  }

  private String moreOutputsHint(boolean findings) {
    java.util.List<String> more = new java.util.ArrayList<>();
    if (html == null) {
      more.add("--html report.html for the full report");
    }
    if (scripts == null && findings) {
      more.add("--scripts fixes for the fix scripts with their rollbacks");
    }
    return more.isEmpty() ? null : "More: add " + String.join(", ", more) + ".";
  }
}
