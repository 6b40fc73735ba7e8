package org.mapiscope.evtx.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link EvtxDump}. */
record DumpOptions(List<Path> files, String format, Integer eventId, String provider, int threads) {

  static final String USAGE =
      "usage: EvtxDump [--format jsonl|xml] [--id N] [--provider NAME] [--threads N] FILE...";

  /**
   * @throws IllegalArgumentException naming the bad or missing argument
   */
  static DumpOptions parse(String[] args) {
    List<Path> files = new ArrayList<>();
    String format = "jsonl";
    Integer id = null;
    String provider = null;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--format" -> format = value(args, ++i, a);
        case "--id" -> id = number(value(args, ++i, a), a, 0, 0xFFFF);
        case "--provider" -> provider = value(args, ++i, a);
        case "--threads" -> threads = number(value(args, ++i, a), a, 1, 256);
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          files.add(Path.of(a));
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input file");
    }
    if (!format.equals("jsonl") && !format.equals("xml")) {
      throw new IllegalArgumentException("unknown format '" + format + "' (use jsonl or xml)");
    }
    return new DumpOptions(List.copyOf(files), format, id, provider, threads);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String text, String option, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            option + " must be between " + min + " and " + max + ": " + text);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number: " + text);
    }
  }
}
