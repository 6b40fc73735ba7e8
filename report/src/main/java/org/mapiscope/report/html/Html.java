package org.mapiscope.report.html;

import java.util.regex.Pattern;

/**
 * A tiny HTML builder that escapes by construction: text and attribute values always go through
 * {@link #escape}, tag and attribute names must be plain identifiers written in our code, and the
 * only unescaped output is {@link #trusted} for constants (CSS, script) defined in this package. We
 * chose this over a template engine: the report is one page assembled in Java, the builder is ~100
 * lines with no dependency, and there is no template syntax that could forget to escape. Not
 * thread-safe; one instance per page.
 */
final class Html {

  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*(:[a-z][a-zA-Z0-9-]*)?");

  private final StringBuilder out = new StringBuilder(64 * 1024);

  /**
   * Opens {@code tag} with attributes given as name, value pairs; a {@code null} value omits the
   * attribute.
   */
  Html open(String tag, String... attrs) {
    out.append('<').append(name(tag));
    attributes(attrs);
    out.append('>');
    return this;
  }

  /** An element without content ({@code <meta>}, {@code <rect/>} in SVG). */
  Html empty(String tag, String... attrs) {
    out.append('<').append(name(tag));
    attributes(attrs);
    out.append("/>");
    return this;
  }

  Html close(String tag) {
    out.append("</").append(name(tag)).append('>');
    return this;
  }

  /** {@code <tag attrs>text</tag>}. */
  Html el(String tag, String text, String... attrs) {
    return open(tag, attrs).text(text).close(tag);
  }

  Html text(String s) {
    out.append(escape(s));
    return this;
  }

  /** Constant markup written in this package (CSS, script). Never pass evidence here. */
  Html trusted(String constant) {
    out.append(constant);
    return this;
  }

  int length() {
    return out.length();
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void attributes(String[] attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        out.append(' ')
            .append(name(attrs[i]))
            .append("=\"")
            .append(escape(attrs[i + 1]))
            .append('"');
      }
    }
  }

  private static String name(String n) {
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + n);
    }
    return n;
  }

  /**
   * Escapes text for element content and quoted attribute values alike; characters HTML does not
   * allow (controls other than tab and line feed, lone surrogates) become U+FFFD.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)
              || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
