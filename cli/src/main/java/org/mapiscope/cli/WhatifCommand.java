package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.ingest.ProgressListener;
import org.mapiscope.report.console.ProgressLine;
import org.mapiscope.report.console.WhatIfText;
import org.mapiscope.report.json.WhatIfJson;
import org.mapiscope.sim.whatif.ReplaySession;
import org.mapiscope.sim.whatif.WhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;
import org.mapiscope.sim.whatif.WhatIfSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mapiscope whatif}: reconstructs the sessions in the evidence, then replays them under another
 * KeepAliveTime or session limit and tells how many Event 9646 and failed connects would remain.
 */
@Command(name = "whatif", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays the sessions reconstructed from the evidence under another KeepAliveTime or session",
            "limit, and predicts the Event 9646 and failed connects that would remain, per user."})
final class WhatifCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "1..*", paramLabel = "<path>", description = "Evidence files, folders, .zip or .gz archives.")
    List<Path> paths;

    @Option(names = "--keepalive", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "KeepAliveTime to replay under (300000ms, 300s, 5m, 2h); default: as in the evidence.")
    Duration keepAlive;

    @Option(names = "--limit", paramLabel = "N", description = "Sessions per user to replay under; default: as in the evidence.")
    Integer limit;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON result (DESIGN §6) to FILE, or to standard output with '-'.")
    String json;

    @Option(names = "--timezone", paramLabel = "TZ", converter = ZoneConverter.class,
            description = "Zone of local times in Event Viewer CSV/TXT exports (default: this machine's, ${DEFAULT-VALUE}).")
    ZoneId timezone = ZoneId.systemDefault();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colour on the console.")
    boolean noColor;

    WhatifCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        checkOptions();
        ReplayLog replay = new ReplayLog();
        Analyzer analyzer = new Analyzer(replay);
        IngestResult ingested = EvidenceReading.ingest(paths, timezone, null, quiet, err, analyzer);
        boolean jsonToStdout = "-".equals(json);
        PrintStream console = jsonToStdout ? err : out;
        if (!ingested.anythingRecognized()) {
            return EvidenceReading.nothingReadable(ingested, console, quiet);
        }

        AnalysisResult result = analyzer.finish(AnalysisOptions.inferAll());
        WhatIfSettings before = WhatifBaseline.settings(result);
        WhatIfSettings after = before;
        if (keepAlive != null) {
            after = after.withKeepAliveTime(keepAlive.toMillis());
        }
        if (limit != null) {
            after = after.withSessionLimit(limit);
        }
        List<ReplaySession> sessions = replay.sessions();
        Map<String, Long> observed = WhatifBaseline.observed9646(result);
        WhatIfResult replayed = WhatIf.replay(sessions, observed, after);

        if (json != null) {
            OutputFiles.write(json, out, "the JSON result", stream -> WhatIfJson.write(replayed, stream));
        }
        if (!quiet) {
            WhatIfResult baseline = after.equals(before) ? replayed : WhatIf.replay(sessions, observed, before);
            WhatIfText.print(replayed, baseline, console, Terminal.color(noColor));
        }
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (limit != null && limit < 1) {
            throw new UserException(ExitCodes.USAGE, "--limit must be at least 1, not " + limit);
        }
        if (keepAlive != null && (keepAlive.isNegative() || keepAlive.isZero() || keepAlive.toMillis() > 0xFFFF_FFFFL)) {
            throw new UserException(ExitCodes.USAGE, "--keepalive must be between 1 ms and 4294967295 ms (a REG_DWORD), not "
                    + keepAlive.toMillis() + " ms");
        }
        EvidenceReading.requireExisting(paths);
    }
}
