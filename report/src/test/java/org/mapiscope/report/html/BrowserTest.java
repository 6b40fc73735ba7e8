package org.mapiscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.report.Fixtures;

/**
 * Loads generated reports in headless Chromium: no console messages (CSP violations, script errors
 * and blocked fetches all land there), key text in the DOM, charts drawn in the screenshot. Skipped
 * with a message when Chromium is not installed ({@code apt-get install chromium}).
 */
class BrowserTest {

  @BeforeAll
  static void needsChromium() {
    assumeTrue(
        Chromium.available(),
        "Chromium not installed at "
            + Chromium.BINARY
            + " (apt-get install chromium); browser test skipped");
  }

  @Test
  void reportLoadsOfflineWithoutConsoleMessagesAndShowsItsText(@TempDir Path dir) throws Exception {
    Path page = write(dir, AnalyzeHtml.render(Fixtures.report()));
    Chromium.Run run = Chromium.run(page, dir, "--dump-dom");
    assertThat(run.consoleLines()).as("console messages").isEmpty();
    assertThat(run.stdout())
        .contains(
            "Event 9646 report",
            "refused 57 MAPI objects",
            "02-keepalive-ex1.reg",
            "Clients vanished without closing",
            "<svg");
    // The print script ran: it is attached, and the page is still intact after it.
    assertThat(run.stdout()).contains("</footer>");
  }

  @Test
  void theConsoleCheckCatchesABlockedFetch(@TempDir Path dir) throws Exception {
    String html =
        AnalyzeHtml.render(Fixtures.report())
            .replace("</main>", "<img src=\"https://example.invalid/x.png\" alt=\"\"></main>");
    Chromium.Run run = Chromium.run(write(dir, html), dir, "--dump-dom");
    assertThat(run.consoleLines()).anyMatch(l -> l.contains("Content Security Policy"));
  }

  @Test
  void screenshotShowsTheCharts(@TempDir Path dir) throws Exception {
    Path page = write(dir, AnalyzeHtml.render(Fixtures.report()));
    Path png = dir.resolve("report.png");
    Chromium.Run run = Chromium.run(page, dir, "--screenshot=" + png, "--window-size=1280,2000");
    assertThat(run.consoleLines()).isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    int background = image.getRGB(0, 0);
    long ink = 0;
    long chartGreen = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (rgb != background) {
          ink++;
        }
        // The "active sessions" line colour (#1a7f37) is used by the charts only.
        if (close(rgb, 0x1a, 0x7f, 0x37)) {
          chartGreen++;
        }
      }
    }
    assertThat(ink)
        .as("non-background pixels")
        .isGreaterThan(image.getWidth() * (long) image.getHeight() / 50);
    assertThat(chartGreen).as("chart line pixels").isGreaterThan(200);
    Path docs =
        System.getProperty("mapiscope.updateScreenshots") == null
            ? null
            : Path.of(System.getProperty("mapiscope.repo", ".."))
                .resolve("docs/screenshots/analyze-report.png");
    if (docs != null) {
      Files.createDirectories(docs.getParent());
      Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean close(int rgb, int r, int g, int b) {
    return Math.abs(((rgb >> 16) & 0xff) - r) < 24
        && Math.abs(((rgb >> 8) & 0xff) - g) < 24
        && Math.abs((rgb & 0xff) - b) < 24;
  }

  static Path write(Path dir, String html) throws IOException {
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }
}
