package org.mapiscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the files the user asked us to write, turning failures into one clear message. */
final class OutputFiles {

  private OutputFiles() {}

  /** What to do with an open stream. */
  interface StreamWork {
    void write(OutputStream out) throws IOException;
  }

  /** What to do with an open writer. */
  interface WriterWork {
    void write(Writer out) throws IOException;
  }

  /** Writes to {@code target}, or to {@code stdout} when target is {@code -}. */
  static void write(String target, PrintStream stdout, String what, StreamWork work) {
    if ("-".equals(target)) {
      try {
        work.write(stdout);
        stdout.flush();
      } catch (IOException e) {
        throw new UserException(
            ExitCodes.USAGE, "cannot write " + what + " to standard output: " + e.getMessage());
      }
      return;
    }
    writeFile(Path.of(target), what, work);
  }

  /**
   * Refuses an output whose folder does not exist, before any work is done: a typo in a path must
   * not create folders nor cost a whole run. {@code -} (standard output) and {@code null} (option
   * not given) pass.
   *
   * @param option the option as the user typed it, for the message
   */
  static void requireParent(String option, String target) {
    if (target == null || "-".equals(target)) {
      return;
    }
    requireParent(option, Path.of(target));
  }

  /** {@link #requireParent(String, String)} for a path option. */
  static void requireParent(String option, Path target) {
    if (target == null) {
      return;
    }
    Path parent = target.toAbsolutePath().normalize().getParent();
    // A parent that is a file is left to the write, which names the system's reason.
    if (parent != null && !Files.exists(parent)) {
      throw new UserException(
          ExitCodes.USAGE, option + " " + target + ": no such file or folder: " + parent);
    }
  }

  private static void writeFile(Path path, String what, StreamWork work) {
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
        work.write(out);
      }
    } catch (IOException e) {
      throw new UserException(
          ExitCodes.USAGE, "cannot write " + what + " to " + path + ": " + describe(e));
    }
  }

  /** Writes UTF-8 text to {@code target}. */
  static void writeText(Path target, String what, WriterWork work) {
    writeFile(
        target,
        what,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          work.write(w);
          w.flush();
        });
  }

  /** The operating system's reason for a failed file operation, without the path it names. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason(); // the OS's own words, e.g. "Is a directory", "Permission denied"
    }
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "NoSuchFileException" -> "no such file or folder";
      case "AccessDeniedException" -> "permission denied";
      case "FileAlreadyExistsException" -> "a file of that name is in the way";
      case "NotDirectoryException" -> "not a folder";
      default -> e.getMessage() == null ? type : e.getMessage();
    };
  }

  /**
   * Checks that an input can be read, before any work and without opening it (a named pipe would
   * block): a missing one is "no such file or folder: PATH", a denied one gives the operating
   * system's reason; exit code 1 for both.
   */
  static void requireReadable(Path input) {
    if (!Files.exists(input)) {
      throw new UserException(ExitCodes.USAGE, "no such file or folder: " + input);
    }
    try {
      input.getFileSystem().provider().checkAccess(input, java.nio.file.AccessMode.READ);
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot read " + input + ": " + describe(e));
    }
  }
}
