package org.mapiscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mapiscope.report.console.SimulateText;
import org.mapiscope.report.html.SimulateHtml;
import org.mapiscope.report.json.SimulateJson;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.Simulator;
import org.mapiscope.sim.evidence.EvidenceEmitter;
import org.mapiscope.sim.scenario.Scenario;
import org.mapiscope.sim.scenario.ScenarioException;
import org.mapiscope.sim.scenario.ScenarioParser;
import org.mapiscope.sim.scenario.WorkEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mapiscope simulate}: predicts Event 9646 for a described population and server settings.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Predicts Event 9646 for a scenario with a model of the store's session limit.",
      "A discrete-event model (populations, keepalive, limit; see docs/simulator.md) reports"
          + " attempts, rejections and 9646; --emit-evidence writes what such a server would have"
          + " logged."
    })
final class SimulateCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  @Parameters(
      index = "0",
      paramLabel = "<scenario.json>",
      description = "The scenario file; docs/simulator.md gives its schema.")
  Path scenarioFile;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the result as JSON to FILE, or to standard output with '-'.")
  String json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write a self-contained HTML page of the result.")
  Path html;

  @Option(
      names = "--emit-evidence",
      paramLabel = "DIR",
      description =
          "Also write what such a server would have logged (RCA logs, 9646 event XML, .reg) to"
              + " DIR.")
  Path emitEvidence;

  @Option(
      names = "--force",
      description =
          "Run even when the scenario's estimated work is beyond the bound (docs/simulator.md).")
  boolean force;

  @Mixin ConsoleOptions console = new ConsoleOptions();

  SimulateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Scenario scenario = readScenario();
    OutputTargets outputs = OutputTargets.of(json, html, null).requireParents();
    requireBoundedWork(scenario);
    SimulationResult result = emitEvidence == null ? Simulator.run(scenario) : runAndEmit(scenario);
    outputs.writeJson(out, "the simulation result", stream -> SimulateJson.write(result, stream));
    String name = scenarioFile.getFileName().toString();
    outputs.writeHtml("the HTML page", w -> SimulateHtml.write(result, name, w));
    if (!console.quiet) {
      SimulateText.print(result, outputs.console(out, err), console.color());
    }
    return ExitCodes.OK;
  }

  private Scenario readScenario() {
    OutputFiles.requireReadable(scenarioFile);
    try (Reader reader = Files.newBufferedReader(scenarioFile)) {
      return ScenarioParser.parse(reader);
    } catch (ScenarioException e) {
      throw new UserException(
          ExitCodes.USAGE, scenarioFile + ": " + String.join("; ", e.problems()));
    } catch (IOException e) {
      throw new UserException(
          ExitCodes.USAGE, "cannot read " + scenarioFile + ": " + OutputFiles.describe(e));
    } catch (java.io.UncheckedIOException e) {
      throw new UserException(
          ExitCodes.USAGE,
          "cannot read " + scenarioFile + ": " + OutputFiles.describe(e.getCause()));
    }
  }

  /** Refuses, before it starts, a run that would take hours or write gigabytes, unless forced. */
  private void requireBoundedWork(Scenario scenario) {
    String problem = boundProblem(WorkEstimate.of(scenario), emitEvidence != null, force);
    if (problem != null) {
      throw new UserException(ExitCodes.USAGE, scenarioFile + ": " + problem);
    }
  }

  /** Why a run of this size is refused, or {@code null} when it may go ahead. */
  static String boundProblem(WorkEstimate work, boolean emitting, boolean force) {
    if (force || work.withinBound(emitting)) {
      return null;
    }
    return "about "
        + WorkEstimate.format(work.sessionAttempts())
        + " session attempts (users x startsPerHour x sessionsPerStart x hours), more than the "
        + WorkEstimate.format(WorkEstimate.bound(emitting))
        + " "
        + (emitting ? "simulate --emit-evidence writes" : "simulate runs")
        + " unasked; shorten the duration or lower the rates, or add --force";
  }

  private SimulationResult runAndEmit(Scenario scenario) {
    Path root = emitEvidence.toAbsolutePath().normalize();
    try {
      return EvidenceEmitter.emit(
          scenario, (relativePath, charset) -> open(root, relativePath, charset));
    } catch (IOException e) {
      throw new UserException(
          ExitCodes.USAGE,
          "cannot write evidence to " + emitEvidence + ": " + OutputFiles.describe(e));
    }
  }

  private static Writer open(Path root, String relativePath, Charset charset) throws IOException {
    Path target = root.resolve(relativePath).normalize();
    if (!target.startsWith(root)) {
      throw new IOException("refusing to write outside the folder: " + relativePath);
    }
    Files.createDirectories(target.getParent());
    return Files.newBufferedWriter(target, charset);
  }
}
