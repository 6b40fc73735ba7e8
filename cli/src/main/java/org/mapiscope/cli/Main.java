package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Process entry point: everything else returns an exit code so tests can run the CLI in-process.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs one command line.
   *
   * @return the exit code documented in {@link ExitCodes}
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    try {
      Integer dumped = EvtxFastPath.tryRun(args, out, err);
      if (dumped != null) {
        return dumped;
      }
      return MapiscopeCommand.commandLine(out, err).execute(args);
    } catch (Error | RuntimeException e) {
      // picocli hands Errors on, and the evtx quick start has no handler of its own: the user
      // still gets one line and exit code 3, as from the parser's handler.
      err.println("mapiscope: internal error: " + e);
      if (java.util.Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(err);
      } else {
        err.println("Run again with --debug to see the stack trace, and please report it.");
      }
      return ExitCodes.INTERNAL;
    }
  }
}
