package org.mapiscope.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/** Registers the subcommands, handing each the streams it writes to. */
final class Subcommands {

  private Subcommands() {}

  static void register(CommandLine root, PrintStream out, PrintStream err) {
    root.addSubcommand(new AnalyzeCommand(out, err));
    root.addSubcommand(new SimulateCommand(out, err));
    root.addSubcommand(new WhatIfCommand(out, err));
    root.addSubcommand(new CompareCommand(out, err));
    root.addSubcommand(new EvtxCommand(out, err));
    // "--provider -x" is a missing value, not the provider "-x": DumpOptions.parse reads it so too.
    root.getSubcommands().get("evtx").setUnmatchedOptionsAllowedAsOptionParameters(false);
  }
}
