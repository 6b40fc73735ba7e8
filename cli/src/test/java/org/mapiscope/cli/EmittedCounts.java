package org.mapiscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an emitted evidence folder holds, counted from the files themselves: the emitter writes a
 * refused client's retries too, so the logs hold more 9646 and refused rows than the simulation
 * refused attempts.
 */
final class EmittedCounts {

  private EmittedCounts() {}

  /**
   * Event 9646 in the event log exports ({@code eventlog/*.xml}; the overlapping copy, if any,
   * excluded).
   */
  static long events9646(Path evidence) {
    return count(evidence.resolve("eventlog"), "Application-9646", "<EventID", false);
  }

  /** Connects refused at the session limit in the RCA logs. */
  static long refusedRows(Path evidence) {
    return count(evidence.resolve("rca"), "RCA_", "SessionLimit", true);
  }

  /**
   * Occurrences of {@code marker}, or with {@code perLine} the lines holding it (a row names the
   * limit twice).
   */
  private static long count(Path folder, String prefix, String marker, boolean perLine) {
    try (Stream<Path> files = Files.list(folder)) {
      long n = 0;
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (String line : lines) {
          for (int at = line.indexOf(marker);
              at >= 0;
              at = perLine ? -1 : line.indexOf(marker, at + 1)) {
            n++;
          }
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
