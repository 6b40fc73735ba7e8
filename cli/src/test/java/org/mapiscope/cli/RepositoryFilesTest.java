package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone is clean: committed files already have the line endings .gitattributes asks for.
 */
class RepositoryFilesTest {

  @Test
  void windowsBatchFilesAreStoredNormalized() throws IOException, InterruptedException {
    assumeTrue(Files.exists(CliRun.repo().resolve(".git")), "not a git checkout");
    Process git;
    try {
      git =
          new ProcessBuilder(
                  "git", "-C", CliRun.repo().toString(), "ls-files", "--eol", "--", "*.cmd")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "git is not installed");
      return;
    }
    String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(git.waitFor() == 0, "git ls-files failed: " + listing);

    // eol=crlf wants LF in the index (CRLF only in the working tree); a CRLF blob shows as
    // modified.
    assertThat(listing).contains("mvnw.cmd").contains("mapiscope.cmd");
    assertThat(listing.lines().filter(l -> l.startsWith("i/crlf") || l.startsWith("i/mixed")))
        .as(listing)
        .isEmpty();
  }
}
