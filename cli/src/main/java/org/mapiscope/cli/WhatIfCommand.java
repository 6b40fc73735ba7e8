package org.mapiscope.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.report.console.WhatIfText;
import org.mapiscope.report.json.WhatIfJson;
import org.mapiscope.sim.whatif.ReplaySession;
import org.mapiscope.sim.whatif.WhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;
import org.mapiscope.sim.whatif.WhatIfSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mapiscope whatif}: reconstructs the sessions in the evidence, then replays them under
 * another KeepAliveTime or session limit and tells how many Event 9646 and failed connects would
 * remain.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Predicts the Event 9646 a KeepAliveTime or limit change would leave, from real evidence.",
      "Replays the sessions reconstructed from the evidence under the changed settings and reports,"
          + " per user, the Event 9646 and failed connects that would remain and the smallest limit"
          + " that avoids them."
    })
final class WhatIfCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  @Mixin EvidenceInputs evidence = new EvidenceInputs();

  @Option(
      names = "--keepalive",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "KeepAliveTime to replay under (300000ms, 300s, 5m, 2h); default: as in the evidence.")
  Duration keepAlive;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Sessions per user to replay under; default: as in the evidence.")
  Integer limit;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Write the JSON result to FILE, or to standard output with '-' (schema:"
              + " whatif.schema.json).")
  String json;

  @Mixin ConsoleOptions console = new ConsoleOptions();

  WhatIfCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    OutputTargets outputs = checkOptions();
    ReplayLog replay = new ReplayLog();
    Analyzer analyzer = new Analyzer(replay);
    IngestResult ingested =
        EvidenceReading.ingest(
            evidence.paths, evidence.timezone, null, console.quiet, err, analyzer);
    PrintStream summary = outputs.console(out, err);
    if (!ingested.anythingRecognized()) {
      return EvidenceReading.nothingReadable(ingested, summary, console.quiet);
    }

    AnalysisResult result = analyzer.finish(AnalysisOptions.inferAll());
    WhatIfSettings before = WhatIfBaseline.settings(result);
    WhatIfSettings after = before;
    if (keepAlive != null) {
      after = after.withKeepAliveTime(keepAlive.toMillis());
    }
    if (limit != null) {
      after = after.withSessionLimit(limit);
    }
    List<ReplaySession> sessions = replay.sessions();
    Map<String, Long> observed = WhatIfBaseline.observed9646(result);
    WhatIfResult replayed = WhatIf.replay(sessions, observed, before, after);

    outputs.writeJson(out, "the JSON result", stream -> WhatIfJson.write(replayed, stream));
    if (!console.quiet) {
      WhatIfResult baseline =
          after.equals(before) ? replayed : WhatIf.replay(sessions, observed, before, before);
      WhatIfText.print(replayed, baseline, summary, console.color());
    }
    return ExitCodes.OK;
  }

  private OutputTargets checkOptions() {
    if (limit != null && limit < 1) {
      throw new UserException(ExitCodes.USAGE, "--limit must be at least 1, not " + limit);
    }
    if (keepAlive != null
        && (keepAlive.isNegative() || keepAlive.isZero() || keepAlive.toMillis() > 0xFFFF_FFFFL)) {
      throw new UserException(
          ExitCodes.USAGE,
          "--keepalive must be between 1 ms and 4294967295 ms (a REG_DWORD), not "
              + keepAlive.toMillis()
              + " ms");
    }
    EvidenceReading.requireExisting(evidence.paths);
    return OutputTargets.of(json, null, null).requireParents();
  }
}
