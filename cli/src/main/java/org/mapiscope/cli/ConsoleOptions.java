package org.mapiscope.cli;

import picocli.CommandLine.Option;

/** How a command talks on the console: shared by every command that prints a summary. */
final class ConsoleOptions {

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--no-color", description = "No colour on the console.")
  boolean noColor;

  boolean color() {
    return Terminal.color(noColor);
  }
}
