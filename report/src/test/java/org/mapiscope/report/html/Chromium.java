package org.mapiscope.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs headless Debian Chromium on a local file, with networking features that phone home turned
 * off.
 */
final class Chromium {

  static final Path BINARY = Path.of(System.getProperty("mapiscope.chromium", "/usr/bin/chromium"));

  private Chromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * @param stdout the dumped DOM (for {@code --dump-dom})
   * @param stderr Chromium's log; page console messages appear as {@code :CONSOLE} lines
   */
  record Run(String stdout, String stderr) {
    List<String> consoleLines() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  static Run run(Path page, Path work, String... extra) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + work.resolve("profile"),
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(45, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 45 s");
    }
    return new Run(
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
