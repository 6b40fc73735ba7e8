package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The outputs a command was asked for ({@code --json}, {@code --html}, {@code --scripts}; {@code
 * null} when not given): every command checks them the same way before any work, sends its console
 * summary out of the way of JSON on standard output, and writes each one asked for.
 */
final class OutputTargets {

  private final String json;
  private final Path html;
  private final Path scripts;

  private OutputTargets(String json, Path html, Path scripts) {
    this.json = json;
    this.html = html;
    this.scripts = scripts;
  }

  static OutputTargets of(String json, Path html, Path scripts) {
    return new OutputTargets(json, html, scripts);
  }

  /**
   * Refuses an output whose folder does not exist, before any work is done ({@link
   * OutputFiles#requireParent(String, Path)}).
   */
  OutputTargets requireParents() {
    OutputFiles.requireParent("--json", json);
    OutputFiles.requireParent("--html", html);
    OutputFiles.requireParent("--scripts", scripts);
    return this;
  }

  /** Where the console summary goes: standard error when the JSON goes to standard output. */
  PrintStream console(PrintStream out, PrintStream err) {
    return "-".equals(json) ? err : out;
  }

  /** Writes the JSON when {@code --json} was given, to standard output for {@code -}. */
  void writeJson(PrintStream out, String what, OutputFiles.StreamWork work) {
    if (json != null) {
      OutputFiles.write(json, out, what, work);
    }
  }

  /** Writes the HTML page when {@code --html} was given. */
  void writeHtml(String what, OutputFiles.WriterWork work) {
    if (html != null) {
      OutputFiles.writeText(html, what, work);
    }
  }
}
