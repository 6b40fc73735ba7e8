package org.mapiscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapedTextNeverOpensATagOrLeavesAnAttribute() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            s -> {
              String e = Html.escape(s);
              assertThat(e).doesNotContain("<", ">", "\"", "'");
              assertThat(e.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
            });
  }

  @Test
  void controlCharactersAndLoneSurrogatesBecomeReplacementCharacters() {
    assertThat(Html.escape("a\u0000b\u001bc\ud800d\tline\n"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tline\n");
    assertThat(Html.escape("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void attributeValuesAreEscapedAndNamesMustBePlain() {
    Html h = new Html().el("a", "x", "href", "#\"><script>");
    assertThat(h.toString()).isEqualTo("<a href=\"#&quot;&gt;&lt;script&gt;\">x</a>");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Html().open("a onclick=x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
