package org.mapiscope.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.evtx.tool.EvtxDump;

/**
 * {@code mapiscope evtx} without building the command-line parser: dumping a log is often a
 * sub-second job, and setting up the full parser costs a noticeable part of it. Only plain, valid
 * argument lists are taken here ({@code evtx}, files, {@code --format}, {@code --id}, {@code
 * --provider}, each value separate or after {@code =}); anything else (help, version, argument
 * files, unknown or malformed options) is declined and goes through the regular parser, so messages
 * and exit codes stay the ones {@link EvtxCommand} gives.
 */
final class EvtxFastPath {

  private EvtxFastPath() {}

  /**
   * Runs the dump and returns its exit code, or {@code null} to leave the arguments to the parser.
   */
  static Integer tryRun(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2 || !args[0].equals("evtx")) {
      return null;
    }
    List<Path> files = new ArrayList<>();
    String format = "jsonl";
    Integer id = null;
    String provider = null;
    boolean seenFormat = false;
    boolean seenId = false;
    boolean seenProvider = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      switch (name) {
        case "--format", "--id", "--provider" -> {
          if (value == null) {
            if (i + 1 >= args.length
                || args[i + 1].startsWith("-")
                || args[i + 1].startsWith("@")) {
              return null;
            }
            value = args[++i];
          }
          if (name.equals("--format")) {
            if (seenFormat || !(value.equalsIgnoreCase("jsonl") || value.equalsIgnoreCase("xml"))) {
              return null;
            }
            seenFormat = true;
            format = value;
          } else if (name.equals("--id")) {
            if (seenId || !value.matches("[0-9]{1,9}")) {
              return null;
            }
            seenId = true;
            id = Integer.valueOf(value);
          } else {
            if (seenProvider || value.isEmpty()) {
              return null;
            }
            seenProvider = true;
            provider = value;
          }
        }
        default -> {
          if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
            return null;
          }
          try {
            files.add(Path.of(a));
          } catch (InvalidPathException e) {
            return null;
          }
        }
      }
    }
    if (files.isEmpty()) {
      return null;
    }
    try {
      EvtxCommand.requireExisting(files);
    } catch (UserException e) {
      err.println("mapiscope: " + e.getMessage());
      return e.exitCode();
    }
    return EvtxDump.run(files, format, id, provider, out, err);
  }
}
