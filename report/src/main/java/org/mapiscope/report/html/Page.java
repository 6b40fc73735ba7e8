package org.mapiscope.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The frame every report page shares: one self-contained document with inline CSS and script, a
 * Content-Security-Policy that forbids any fetch, light and dark colours, print styles, and a skip
 * link for keyboard users.
 */
final class Page {

  private Page() {}

  /** Nothing may be loaded from anywhere; only our inline style, inline script and data: images. */
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  static Html start(String title, String subtitle) {
    Html h = new Html();
    h.trusted("<!DOCTYPE html>\n");
    h.open("html", "lang", "en").open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    h.empty("meta", "name", "color-scheme", "content", "light dark");
    h.el("title", title);
    h.open("style").trusted(CSS).close("style");
    h.close("head").open("body");
    h.el("a", "Skip to content", "class", "skip", "href", "#main");
    h.open("header").el("h1", title).el("p", subtitle, "class", "muted");
    h.el("button", "Print", "type", "button", "data-print", "");
    return h;
  }

  /** Table of contents (pairs of anchor id and label); closes the header {@link #start} opened. */
  static void nav(Html h, String... idsAndLabels) {
    h.open("nav", "aria-label", "Contents").open("ul");
    for (int i = 0; i < idsAndLabels.length; i += 2) {
      h.open("li").el("a", idsAndLabels[i + 1], "href", "#" + idsAndLabels[i]).close("li");
    }
    h.close("ul").close("nav").close("header");
  }

  static String end(Html h, String footer) {
    h.open("footer").el("p", footer, "class", "muted").close("footer");
    h.open("script").trusted(JS).close("script");
    h.close("body").close("html");
    return h.toString();
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
