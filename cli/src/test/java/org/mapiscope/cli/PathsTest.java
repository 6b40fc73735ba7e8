package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths the user names: a missing input is "no such file or folder: PATH" and an unreadable one
 * gives the system's reason, in every command; an output in a missing folder is refused, never
 * silently created.
 */
class PathsTest {

  @TempDir Path dir;

  private Path scenario() throws IOException {
    Path file = dir.resolve("scenario.json");
    Files.copy(
        CliRun.repo().resolve("examples/scenarios/vpn-laptops.json"),
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static void assertUsage(CliRun run, String... texts) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .as(run.toString())
        .contains(texts)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingInputIsNamedTheSameWayByEveryCommand() throws IOException {
    Path missing = dir.resolve("nope.json");
    Path json = dir.resolve("a.json");
    Files.writeString(json, "{}");
    String expected = "no such file or folder: " + missing;

    assertUsage(CliRun.of("analyze", missing.toString()), expected);
    assertUsage(CliRun.of("whatif", missing.toString()), expected);
    assertUsage(CliRun.of("simulate", missing.toString()), expected);
    assertUsage(CliRun.of("compare", missing.toString(), json.toString()), expected);
    assertUsage(CliRun.of("compare", json.toString(), missing.toString()), expected);
  }

  @Test
  void aFolderGivenForAFileGetsTheSystemsReason() {
    // "Is a directory" is the operating system's own word for it; the old message claimed the file
    // was missing.
    CliRun simulate = CliRun.of("simulate", dir.toString());
    CliRun compare = CliRun.of("compare", dir.toString(), dir.toString());

    assertUsage(simulate, "cannot read " + dir + ": ");
    assertThat(simulate.err()).doesNotContain("no such file");
    assertUsage(compare, "cannot read " + dir + ": ");
    assertThat(compare.err()).doesNotContain("no such file");
  }

  @Test
  void anUnreadableInputGetsTheSystemsReason() throws IOException {
    Path file = dir.resolve("locked.LOG");
    Files.writeString(file, "x");
    assumeFalse(
        !file.toFile().setReadable(false, false) || Files.isReadable(file),
        "permissions are not enforced for this user (root)");

    assertUsage(
        CliRun.of("analyze", file.toString()), "cannot read " + file + ": ", "ermission denied");
    assertUsage(
        CliRun.of("simulate", file.toString()), "cannot read " + file + ": ", "ermission denied");
  }

  @Test
  void anOutputInAMissingFolderIsRefusedBeforeAnyWork() throws IOException {
    Path missingFolder = dir.resolve("no-such-folder");
    String example = CliRun.example().toString();
    String out = missingFolder.resolve("out.json").toString();

    assertUsage(
        CliRun.of("analyze", example, "--json", out),
        "--json",
        "no such file or folder: " + missingFolder);
    assertUsage(
        CliRun.of("analyze", example, "--html", missingFolder.resolve("r.html").toString()),
        "--html");
    assertUsage(
        CliRun.of("analyze", example, "--scripts", missingFolder.resolve("fixes").toString()),
        "--scripts");
    assertUsage(CliRun.of("whatif", example, "--json", out), "--json");
    assertUsage(CliRun.of("simulate", scenario().toString(), "--json", out), "--json");

    assertThat(missingFolder).doesNotExist();
  }

  @Test
  void theScriptsFolderItselfIsCreatedWhenItsParentExists() {
    Path fixes = dir.resolve("fixes");

    CliRun run =
        CliRun.of("analyze", CliRun.example().toString(), "--scripts", fixes.toString(), "-q");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(fixes).isDirectory();
  }
}
