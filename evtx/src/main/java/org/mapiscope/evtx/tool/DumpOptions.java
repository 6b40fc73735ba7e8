package org.mapiscope.evtx.tool;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to dump and how: the one option model of {@link EvtxDump} and of {@code mapiscope evtx}.
 * Every front end (this class's own {@link #parse}, the CLI's quick start and its picocli command)
 * hands the option texts to {@link #of}, so a value is accepted, rejected and read the same way
 * whichever parser saw it.
 *
 * @param files the files to dump, in order (at least one)
 * @param format the output format
 * @param eventId keep only records with this event id (low 16 bits, 0 to 65535), or null for all
 * @param provider keep only records of this provider (case-insensitive), or null for all
 * @param threads decoding threads, 1 to {@link #MAX_THREADS}
 */
public record DumpOptions(
    List<Path> files, Format format, Integer eventId, String provider, int threads) {

  /** Most decoding threads {@code --threads} accepts. */
  public static final int MAX_THREADS = 256;

  /** The options' names, as given on the command line. */
  public static final String FORMAT = "--format";

  public static final String ID = "--id";
  public static final String PROVIDER = "--provider";
  public static final String THREADS = "--threads";

  static final String USAGE =
      "usage: EvtxDump [--format jsonl|xml] [--id N] [--provider NAME] [--threads N] FILE...";

  /** Output formats. */
  public enum Format {
    JSONL,
    XML
  }

  /**
   * @throws IllegalArgumentException if a value is out of its range
   */
  public DumpOptions {
    files = List.copyOf(files);
    Objects.requireNonNull(format, "format");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input file");
    }
    if (eventId != null && (eventId < 0 || eventId > 0xFFFF)) {
      throw new IllegalArgumentException(ID + " must be a number from 0 to 65535: " + eventId);
    }
    if (provider != null && provider.isEmpty()) {
      throw new IllegalArgumentException(PROVIDER + " needs a provider name");
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          THREADS + " must be a number from 1 to " + MAX_THREADS + ": " + threads);
    }
  }

  /** The default number of decoding threads: one per available core. */
  public static int defaultThreads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The options from their texts as given on a command line; a null text is an option not given
   * (format jsonl, no filter, {@link #defaultThreads()}).
   *
   * @throws IllegalArgumentException naming the option and the bad value
   */
  public static DumpOptions of(
      List<Path> files, String format, String eventId, String provider, String threads) {
    for (Path file : files) {
      if (file.toString().isEmpty()) {
        throw new IllegalArgumentException("an empty file name");
      }
    }
    return new DumpOptions(
        files,
        format == null ? Format.JSONL : format(format),
        eventId == null ? null : number(ID, eventId, 0, 0xFFFF),
        provider,
        threads == null ? defaultThreads() : number(THREADS, threads, 1, MAX_THREADS));
  }

  private static Format format(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "jsonl" -> Format.JSONL;
      case "xml" -> Format.XML;
      default ->
          throw new IllegalArgumentException(FORMAT + " must be jsonl or xml, not '" + text + "'");
    };
  }

  /** A plain decimal number (digits only, leading zeros allowed) in {@code [min, max]}. */
  private static int number(String option, String text, int min, int max) {
    String range = option + " must be a number from " + min + " to " + max + ": " + text;
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(range);
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 9) {
      throw new IllegalArgumentException(range);
    }
    int n = Integer.parseInt(digits);
    if (n < min || n > max) {
      throw new IllegalArgumentException(range);
    }
    return n;
  }

  /**
   * Parses a command line: options ({@code --name value} or {@code --name=value}, each at most
   * once) and files in any order; after {@code --} everything is a file. No value starts with
   * {@code -}: {@code --provider --id 5} lacks the provider, it does not name one.
   *
   * @throws IllegalArgumentException naming the bad or missing argument
   */
  public static DumpOptions parse(List<String> args) {
    List<Path> files = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    boolean optionsEnd = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (optionsEnd || a.equals("-") || !a.startsWith("-")) {
        files.add(path(a));
        continue;
      }
      if (a.equals("--")) {
        optionsEnd = true;
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq > 0 ? a.substring(0, eq) : a;
      if (!List.of(FORMAT, ID, PROVIDER, THREADS).contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      String value = eq > 0 ? a.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : null;
      if (value == null || value.startsWith("-")) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException(name + " given more than once");
      }
    }
    return of(files, values.get(FORMAT), values.get(ID), values.get(PROVIDER), values.get(THREADS));
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a file name: " + text);
    }
  }
}
