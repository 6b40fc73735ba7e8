package org.mapiscope.evtx.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two public EVTX readers the conformance tests compare with (Debian packages {@code
 * libevtx-utils} and {@code python3-evtx}), run as processes with a timeout.
 */
public enum ReferenceTool {

  /** libevtx's exporter: {@code evtxexport -f xml FILE}. */
  EVTXEXPORT("evtxexport", "-f", "xml"),
  /** python-evtx: {@code evtx_dump.py FILE}. */
  PYTHON_EVTX("evtx_dump.py");

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final String command;
  private final List<String> options;

  ReferenceTool(String command, String... options) {
    this.command = command;
    this.options = List.of(options);
  }

  public String command() {
    return command;
  }

  /** The tool is on the PATH. */
  public boolean installed() {
    return onPath(command);
  }

  /** An executable of that name is on the PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the tool made of a file.
   *
   * @param events the events it printed and we could parse, in its order
   * @param exitCode its exit code
   * @param problems its complaints (last lines of stderr), and fragments of its output that are not
   *     XML
   */
  public record Output(List<RefEvent> events, int exitCode, List<String> problems) {}

  /** Runs the tool on {@code file}. */
  public Output run(Path file) throws IOException, InterruptedException {
    Path out = Files.createTempFile("ref-", ".xml");
    Path err = Files.createTempFile("ref-", ".err");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(command);
      cmd.addAll(options);
      cmd.add(file.toString());
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command + " did not finish within " + TIMEOUT + " on " + file);
      }
      List<String> problems =
          new ArrayList<>(tail(new String(Files.readAllBytes(err), StandardCharsets.UTF_8)));
      List<RefEvent> events =
          ReferenceXml.events(
              new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
              this == PYTHON_EVTX,
              problems);
      return new Output(events, p.exitValue(), problems);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<String> tail(String stderr) {
    List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
    return lines.subList(Math.max(0, lines.size() - 3), lines.size());
  }
}
