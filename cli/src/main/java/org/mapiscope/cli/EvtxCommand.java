package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mapiscope.evtx.tool.EvtxDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapiscope evtx}: dumps .evtx / .evt records as JSON lines or XML, in file order. */
@Command(
    name = "evtx",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Dumps the records of .evtx and legacy .evt files, in file order, as JSON lines or XML.")
final class EvtxCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  @Parameters(arity = "1..*", paramLabel = "<file>", description = ".evtx or .evt files.")
  List<Path> files;

  @Option(
      names = "--format",
      paramLabel = "jsonl|xml",
      defaultValue = "jsonl",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--id",
      paramLabel = "N",
      description = "Only records with this event id (low 16 bits).")
  Integer id;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description = "Only records of this provider (case-insensitive).")
  String provider;

  EvtxCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (!format.equalsIgnoreCase("jsonl") && !format.equalsIgnoreCase("xml")) {
      throw new UserException(
          ExitCodes.USAGE, "--format must be jsonl or xml, not '" + format + "'");
    }
    requireExisting(files);
    return EvtxDump.run(files, format, id, provider, out, err);
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
