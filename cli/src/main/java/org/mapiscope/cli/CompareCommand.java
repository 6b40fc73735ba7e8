package org.mapiscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mapiscope.report.compare.AnalyzeJsonReader;
import org.mapiscope.report.compare.AnalyzeSnapshot;
import org.mapiscope.report.compare.Compare;
import org.mapiscope.report.compare.Comparison;
import org.mapiscope.report.compare.NotAnalyzeJsonException;
import org.mapiscope.report.console.CompareText;
import org.mapiscope.report.html.CompareHtml;
import org.mapiscope.report.json.CompareJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapiscope compare}: did the fix work? Two analyze JSON results, before and after. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Tells whether a fix worked, from two 'analyze --json' results (before, after).",
      "Compares 9646 per day, peaks, causes gone or remaining, per user and in total. "
          + "Exits 0 when things improved, 5 when they did not."
    })
final class CompareCommand implements Callable<Integer> {

  /** Exit code when the after run is not better: a script can tell "fixed" from "not fixed". */
  static final int NOT_IMPROVED = 5;

  private final PrintStream out;
  private final PrintStream err;

  @Parameters(
      index = "0",
      paramLabel = "<before.json>",
      description = "analyze --json output from before the change.")
  Path before;

  @Parameters(
      index = "1",
      paramLabel = "<after.json>",
      description = "analyze --json output from after the change.")
  Path after;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the comparison as JSON to FILE, or to standard output with '-'.")
  String json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write the comparison as a self-contained HTML page.")
  Path html;

  @Mixin ConsoleOptions console = new ConsoleOptions();

  CompareCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    OutputFiles.requireReadable(before);
    OutputFiles.requireReadable(after);
    OutputTargets outputs = OutputTargets.of(json, html, null).requireParents();
    Comparison comparison = Compare.compare(read(before), read(after));
    outputs.writeJson(out, "the comparison", stream -> CompareJson.write(comparison, stream));
    outputs.writeHtml("the HTML comparison", w -> CompareHtml.write(comparison, w));
    if (!console.quiet) {
      CompareText.print(comparison, outputs.console(out, err), console.color());
    }
    return comparison.improved() ? ExitCodes.OK : NOT_IMPROVED;
  }

  private static AnalyzeSnapshot read(Path file) {
    OutputFiles.requireReadable(file);
    try {
      return AnalyzeJsonReader.read(file);
    } catch (NotAnalyzeJsonException e) {
      throw new UserException(ExitCodes.USAGE, e.getMessage());
    } catch (IOException e) {
      throw new UserException(
          ExitCodes.USAGE, "cannot read " + file + ": " + OutputFiles.describe(e));
    }
  }
}
