package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mapiscope.evtx.tool.DumpOptions;
import org.mapiscope.evtx.tool.EvtxDump;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mapiscope evtx}: dumps .evtx / .evt records as JSON lines or XML, in file order. The
 * option values are kept as given and checked by {@link DumpOptions#of}, the same rules the quick
 * start ({@link EvtxFastPath}) applies.
 */
@Command(
    name = "evtx",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Dumps the records of .evtx and legacy .evt files, in file order, as JSON lines or XML.")
final class EvtxCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<file>", description = ".evtx or .evt files.")
  List<Path> files;

  @Option(
      names = DumpOptions.FORMAT,
      paramLabel = "jsonl|xml",
      description = "Output format (default: jsonl).")
  String format;

  @Option(
      names = DumpOptions.ID,
      paramLabel = "N",
      description = "Only records with this event id (low 16 bits, 0 to 65535).")
  String id;

  @Option(
      names = DumpOptions.PROVIDER,
      paramLabel = "NAME",
      description = "Only records of this provider (case-insensitive).")
  String provider;

  @Option(
      names = DumpOptions.THREADS,
      paramLabel = "N",
      description = "Decoding threads, 1 to 256 (default: one per core).")
  String threads;

  EvtxCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    DumpOptions options = options();
    requireExisting(options.files());
    return EvtxDump.run(options, out, err);
  }

  /**
   * The parsed options.
   *
   * @throws CommandLine.ParameterException naming the bad value (a usage error)
   */
  DumpOptions options() {
    try {
      return DumpOptions.of(files, format, id, provider, threads);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** A missing file is a usage error, as for {@code analyze}: nothing is dumped. */
  static void requireExisting(List<Path> files) {
    for (Path file : files) {
      if (Files.notExists(file)) {
        throw new UserException(ExitCodes.USAGE, "no such file or folder: " + file);
      }
    }
  }
}
