package org.mapiscope.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code mapiscope} command: global options and the subcommands. */
@Command(
    name = "mapiscope",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Finds why Exchange logs Event 9646 (MAPI session/object limit exceeded) and what to do"
            + " about it.",
    subcommands = {CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit codes: 0 ok (even with 9646 found), 1 usage error, 2 nothing readable,",
      "            3 internal error, 4 findings present with --fail-on-findings,",
      "            5 compare: not improved."
    })
final class MapiscopeCommand implements Runnable {

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of internal errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: analyze, simulate, whatif, compare or evtx");
  }

  /**
   * Help is laid out for this many columns, whatever the terminal: texts are written to read well
   * at it.
   */
  static final int HELP_WIDTH = 80;

  static CommandLine commandLine(PrintStream out, PrintStream err) {
    MapiscopeCommand root = new MapiscopeCommand();
    CommandLine cl = new CommandLine(root);
    Subcommands.register(cl, out, err);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(HELP_WIDTH);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter w = ex.getCommandLine().getErr();
          w.println("mapiscope: " + ex.getMessage());
          w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          PrintWriter w = cmd.getErr();
          if (ex instanceof UserException user) {
            w.println("mapiscope: " + user.getMessage());
            return user.exitCode();
          }
          w.println("mapiscope: internal error: " + ex);
          if (root.debug) {
            ex.printStackTrace(w);
          } else {
            w.println("Run again with --debug to see the stack trace, and please report it.");
          }
          return ExitCodes.INTERNAL;
        });
    return cl;
  }
}
