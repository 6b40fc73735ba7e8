package org.mapiscope.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.mapiscope.evtx.tool.DumpOptions;
import org.mapiscope.evtx.tool.EvtxDump;

/**
 * {@code mapiscope evtx} without building the command-line parser: dumping a log is often a
 * sub-second job, and setting up the full parser costs a noticeable part of it. The arguments are
 * read by {@link DumpOptions#parse}, whose rules are {@link EvtxCommand}'s; what it rejects, and
 * help, version and argument files ({@code @file}), are declined and go through the regular parser,
 * so messages and exit codes stay the ones {@link EvtxCommand} gives.
 */
final class EvtxFastPath {

  private EvtxFastPath() {}

  /**
   * Runs the dump and returns its exit code, or {@code null} to leave the arguments to the parser.
   */
  static Integer tryRun(String[] args, PrintStream out, PrintStream err) {
    DumpOptions options = options(args);
    if (options == null) {
      return null;
    }
    try {
      EvtxCommand.requireExisting(options.files());
    } catch (UserException e) {
      err.println("mapiscope: " + e.getMessage());
      return e.exitCode();
    }
    return EvtxDump.run(options, out, err);
  }

  /** The options of an {@code evtx} command line this path takes, or null. */
  static DumpOptions options(String[] args) {
    if (args.length < 2 || !args[0].equals("evtx")) {
      return null;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    for (String a : rest) {
      if (a.startsWith("@")) {
        return null; // an argument file: the parser expands it
      }
    }
    try {
      return DumpOptions.parse(rest);
    } catch (IllegalArgumentException e) {
      return null; // the parser gives the message (or help, or the version)
    }
  }
}
