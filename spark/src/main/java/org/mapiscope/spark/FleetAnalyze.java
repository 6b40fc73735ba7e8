package org.mapiscope.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.ingest.Links;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.console.ConsoleSummary;
import org.mapiscope.report.html.AnalyzeHtml;
import org.mapiscope.report.json.AnalyzeJson;
import org.mapiscope.report.scripts.DirectoryTarget;
import org.mapiscope.report.scripts.FixScripts;
import org.mapiscope.report.scripts.ScriptSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class org.mapiscope.spark.FleetAnalyze mapiscope-spark.jar <path>...}: the
 * analysis of {@code mapiscope analyze} over a whole organisation's evidence, read in parallel by
 * Spark, with the same answer.
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = FleetAnalyze.Version.class,
    description = {
      "Finds why users hit Event 9646 and what to do, from a whole organisation's evidence, as a"
          + " Spark job.",
      "Reads files, folders, .zip and .gz (every format detected by content) on this machine or"
          + " on any file system Hadoop reads (hdfs://, abfss://, s3a://) and reports what analyze"
          + " reports. Runs on the cluster spark-submit names, or on this machine's cores."
    })
public final class FleetAnalyze implements Callable<Integer> {

  static final int OK = 0;
  static final int USAGE = 1;
  static final int NOTHING_READABLE = 2;
  static final int INTERNAL = 3;

  private final PrintStream out;
  private final PrintStream err;

  @Parameters(
      arity = "1..*",
      paramLabel = "<path>",
      description = "Evidence files, folders, .zip or .gz archives, local paths or Hadoop URIs.")
  List<String> paths;

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
      names = "--timezone",
      paramLabel = "TZ",
      description =
          "Zone of local times in Event Viewer CSV/TXT exports (default: the driver's,"
              + " ${DEFAULT-VALUE}).")
  String timezone = ZoneId.systemDefault().getId();

  @Option(names = "--quiet", description = "Print nothing on the console but errors.")
  boolean quiet;

  FleetAnalyze(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /** Runs one command line; returns the exit code {@code analyze} would. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cl = new CommandLine(new FleetAnalyze(out, err));
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof UsageError u) {
            err.println("mapiscope: " + u.getMessage());
            return USAGE;
          }
          return internalError(e, err);
        });
    return cl.execute(args);
  }

  /**
   * A failure of our own code or of the job, not of the evidence: one line and exit code 3, as from
   * {@code analyze}, not a stack trace.
   */
  static int internalError(Exception e, PrintStream err) {
    err.println("mapiscope: internal error: " + e);
    err.println("Please report it with the command line that caused it.");
    return INTERNAL;
  }

  @Override
  public Integer call() {
    checkOptions();
    SparkConf conf = new SparkConf().setAppName("mapiscope fleet");
    // Run as `java FleetAnalyze` (or `mapiscope fleet`): this machine's cores; under spark-submit
    // its --master wins.
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.log.level", "WARN");
    try (JavaSparkContext spark =
        JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf))) {
      return analyze(spark, zone());
    }
  }

  /**
   * Runs the command line in a Spark context the caller owns (and stops), packing the work as
   * {@link FleetJob#FleetJob} says for {@code shuffle}.
   */
  static int runIn(
      JavaSparkContext spark, Random shuffle, PrintStream out, PrintStream err, String... args) {
    FleetAnalyze command = new FleetAnalyze(out, err);
    CommandLine cl = new CommandLine(command);
    try {
      cl.parseArgs(args);
      command.checkOptions();
      return command.report(
          new FleetJob(spark, shuffle).run(command.paths, command.zone()), command.zone());
    } catch (CommandLine.ParameterException | UsageError e) {
      err.println("mapiscope: " + e.getMessage());
      return USAGE;
    }
  }

  private void checkOptions() {
    zone();
    for (String p : paths) {
      if (!EvidenceListing.isUri(p)) {
        requireReadable(Path.of(p));
      }
    }
    requireParent("--json", json == null || "-".equals(json) ? null : Path.of(json));
    requireParent("--html", html);
    requireParent("--scripts", scripts);
  }

  private ZoneId zone() {
    try {
      return ZoneId.of(timezone.strip());
    } catch (DateTimeException e) {
      throw new UsageError("--timezone: unknown zone '" + timezone + "'");
    }
  }

  private int analyze(JavaSparkContext spark, ZoneId zone) {
    return report(new FleetJob(spark, null).run(paths, zone), zone);
  }

  /** Writes what {@code analyze} writes from the job's outcome; returns the exit code. */
  int report(FleetJob.Outcome outcome, ZoneId zone) {
    boolean jsonToStdout = "-".equals(json);
    PrintStream summary = jsonToStdout ? err : out;
    if (!outcome.ingested().anythingRecognized()) {
      if (!quiet) {
        summary.println("mapiscope: nothing readable in the given paths:");
        outcome.ingested().inputs().stream()
            .limit(20)
            .forEach(
                i ->
                    summary.println(
                        "  "
                            + i.path()
                            + ": "
                            + i.format()
                            + (i.errors().isEmpty()
                                ? ""
                                : " (" + i.errors().get(0).message() + ")")));
      }
      return NOTHING_READABLE;
    }
    // The driver draws the per-user conclusions on its own cores; the result is the same on any.
    AnalysisResult result =
        outcome
            .analyzer()
            .finish(AnalysisOptions.inferAll(), Runtime.getRuntime().availableProcessors());
    ScriptSet scriptSet = ScriptSet.empty();
    if (scripts != null) {
      scriptSet = FixScripts.render(result);
      try {
        scriptSet.writeTo(new DirectoryTarget(scripts));
      } catch (IOException e) {
        throw new UsageError("cannot write scripts to " + scripts + ": " + e.getMessage());
      }
    }
    AnalyzeReport report =
        new AnalyzeReport(
            version(), outcome.ingested().inputs(), result, zone, outcome.histogram(), scriptSet);
    if (jsonToStdout) {
      try {
        AnalyzeJson.write(report, out);
        out.flush();
      } catch (IOException e) {
        throw new UsageError("cannot write the JSON result to standard output: " + e.getMessage());
      }
    } else if (json != null) {
      try (OutputStream stream = Files.newOutputStream(Path.of(json))) {
        AnalyzeJson.write(report, stream);
      } catch (IOException e) {
        throw new UsageError("cannot write the JSON result to " + json + ": " + e.getMessage());
      }
    }
    if (html != null) {
      try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
        AnalyzeHtml.write(report, w);
      } catch (IOException e) {
        throw new UsageError("cannot write the HTML report to " + html + ": " + e.getMessage());
      }
    }
    if (!quiet) {
      ConsoleSummary.print(report, summary, false);
    }
    return OK;
  }

  /**
   * As in analyze: a local path that does not exist is a typo to hear about, not an empty run; a
   * symbolic link loop goes on to the listing, which lists it as unreadable.
   */
  private static void requireReadable(Path input) {
    if (Links.isLoop(input)) {
      return;
    }
    if (!Files.exists(input)) {
      throw new UsageError("no such file or folder: " + input);
    }
    try {
      input.getFileSystem().provider().checkAccess(input, java.nio.file.AccessMode.READ);
    } catch (IOException e) {
      throw new UsageError("cannot read " + input + ": " + e.getMessage());
    }
  }

  private static void requireParent(String option, Path target) {
    if (target == null) {
      return;
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageError(option + ": folder " + parent + " does not exist");
    }
  }

  static String version() {
    try (InputStream in = FleetAnalyze.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code --version}: the build's version, as {@code mapiscope --version} prints it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mapiscope " + version(), "Java " + Runtime.version()};
    }
  }

  /** A mistake on the command line: one line and exit code 1, as in analyze. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
