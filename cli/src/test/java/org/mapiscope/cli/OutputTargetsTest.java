package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {

  @TempDir Path dir;

  private final PrintStream out = new PrintStream(new ByteArrayOutputStream());
  private final PrintStream err = new PrintStream(new ByteArrayOutputStream());

  @Test
  void theSummaryMakesWayForJsonOnStandardOutput() {
    assertThat(OutputTargets.of("-", null, null).console(out, err)).isSameAs(err);
    assertThat(OutputTargets.of("r.json", null, null).console(out, err)).isSameAs(out);
    assertThat(OutputTargets.of(null, null, null).console(out, err)).isSameAs(out);
  }

  @Test
  void refusesAnOutputInAFolderThatDoesNotExistNamingTheOption() {
    Path missing = dir.resolve("nope").resolve("report.html");
    assertThatThrownBy(() -> OutputTargets.of(null, missing, null).requireParents())
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("--html " + missing + ": no such file or folder");
  }

  @Test
  void writesOnlyWhatWasAskedFor() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    OutputTargets json = OutputTargets.of("-", null, null);
    json.writeJson(stdout, "the JSON result", s -> s.write("{}".getBytes(StandardCharsets.UTF_8)));
    json.writeHtml("the HTML report", w -> w.write("<html>"));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(dir).isEmptyDirectory();
  }
}
