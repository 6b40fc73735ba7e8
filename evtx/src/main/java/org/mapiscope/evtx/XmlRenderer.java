package org.mapiscope.evtx;

/**
 * Writes a record's resolved XML as text, indented two spaces per level like {@code evtxexport}:
 * elements with element children open on their own line, text stays inline, empty elements close as
 * {@code <x/>}. The output is always well-formed XML 1.0: characters XML 1.0 cannot carry (C0
 * controls other than tab, LF and CR, U+FFFE, U+FFFF, unpaired surrogates) are left out of text,
 * attribute values and references, as python-evtx does, and a damaged name (control bytes, spaces,
 * a leading digit) has each character a name cannot hold replaced by {@code _}.
 */
final class XmlRenderer implements BinXmlVisitor {

  private final StringBuilder sb = new StringBuilder(2048);
  private int depth;
  private boolean startPending;

  /** Per depth: whether the open element has had element children (closing tag on its own line). */
  private final boolean[] hadChildren = new boolean[FragmentParser.MAX_DEPTH * 4 + 2];

  private final boolean[] hadText = new boolean[FragmentParser.MAX_DEPTH * 4 + 2];

  void begin() {
    sb.setLength(0);
    depth = 0;
    startPending = false;
  }

  String finish() {
    closePendingStart();
    return sb.toString();
  }

  @Override
  public void startElement(String name) {
    closePendingStart();
    if (depth > 0) {
      hadChildren[depth] = true;
    }
    if (sb.length() > 0) {
      sb.append('\n');
    }
    indent(depth);
    sb.append('<');
    appendName(name);
    depth++;
    if (depth < hadChildren.length) {
      hadChildren[depth] = false;
      hadText[depth] = false;
    }
    startPending = true;
  }

  @Override
  public void attribute(String name, int type, Object value) {
    sb.append(' ');
    appendName(name);
    sb.append("=\"");
    escape(ValueText.of(type, value), true);
    sb.append('"');
  }

  @Override
  public void text(int type, Object value) {
    String text = ValueText.of(type, value);
    if (text.isEmpty()) {
      return; // keeps an element with an empty value as <x/>, as evtxexport writes it
    }
    closePendingStart();
    markText();
    escape(text, false);
  }

  @Override
  public void charRef(int code) {
    if (!xmlChar(code)) {
      return;
    }
    closePendingStart();
    markText();
    sb.append("&#").append(code).append(';');
  }

  @Override
  public void entityRef(String name) {
    closePendingStart();
    markText();
    switch (name) {
      case "amp", "lt", "gt", "quot", "apos" -> sb.append('&').append(name).append(';');
      // Any other entity is undeclared in the output: written as its text, as python-evtx does.
      default -> escape("&" + name + ";", false);
    }
  }

  @Override
  public void cdata(String text) {
    closePendingStart();
    markText();
    sb.append("<![CDATA[").append(xmlChars(text).replace("]]>", "]]]]><![CDATA[>")).append("]]>");
  }

  @Override
  public void processingInstruction(String target, String data) {
    closePendingStart();
    sb.append("<?");
    appendName(target.equalsIgnoreCase("xml") ? "_" + target : target);
    if (!data.isEmpty()) {
      sb.append(' ').append(xmlChars(data).replace("?>", "? >"));
    }
    sb.append("?>");
  }

  @Override
  public void endElement(String name) {
    int d = depth;
    depth--;
    if (startPending) {
      sb.append("/>");
      startPending = false;
      return;
    }
    if (d < hadChildren.length && hadChildren[d] && !hadText[d]) {
      sb.append('\n');
      indent(depth);
    }
    sb.append("</");
    appendName(name);
    sb.append('>');
  }

  private void markText() {
    if (depth < hadText.length) {
      hadText[depth] = true;
    }
  }

  private void closePendingStart() {
    if (startPending) {
      sb.append('>');
      startPending = false;
    }
  }

  private void indent(int level) {
    for (int i = 0; i < level; i++) {
      sb.append("  ");
    }
  }

  private void escape(String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        default -> {
          if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            }
          } else if (xmlChar(c)) {
            sb.append(c);
          }
        }
      }
    }
  }

  /** Whether XML 1.0 allows the code point anywhere (its {@code Char} production). */
  static boolean xmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || c >= 0x20 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }

  /** {@code s} without the characters XML 1.0 cannot carry. */
  static String xmlChars(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      boolean ok = xmlChar(c) && !(n == 1 && Character.isSurrogate((char) c));
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && out != null) {
        out.appendCodePoint(c);
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }

  /** Appends {@code name} as an XML name: each character a name cannot hold becomes {@code _}. */
  private void appendName(String name) {
    if (validName(name)) {
      sb.append(name);
      return;
    }
    if (name.isEmpty()) {
      sb.append('_');
      return;
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (i > 0) {
        sb.appendCodePoint(nameChar(c) ? c : '_');
      } else if (nameStart(c) && c != ':') {
        sb.appendCodePoint(c);
      } else {
        sb.append('_'); // "1x" -> "_1x", "\u0001x" -> "_x"
        if (nameChar(c) && c != ':') {
          sb.appendCodePoint(c);
        }
      }
      i += Character.charCount(c);
    }
  }

  private static boolean validName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c == '_'
              || i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '.' || c == ':');
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** XML 1.0 (fifth edition) {@code NameStartChar}. */
  private static boolean nameStart(int c) {
    return c == ':'
        || c >= 'A' && c <= 'Z'
        || c == '_'
        || c >= 'a' && c <= 'z'
        || c >= 0xC0 && c <= 0xD6
        || c >= 0xD8 && c <= 0xF6
        || c >= 0xF8 && c <= 0x2FF
        || c >= 0x370 && c <= 0x37D
        || c >= 0x37F && c <= 0x1FFF
        || c >= 0x200C && c <= 0x200D
        || c >= 0x2070 && c <= 0x218F
        || c >= 0x2C00 && c <= 0x2FEF
        || c >= 0x3001 && c <= 0xD7FF
        || c >= 0xF900 && c <= 0xFDCF
        || c >= 0xFDF0 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0xEFFFF;
  }

  /** XML 1.0 (fifth edition) {@code NameChar}. */
  private static boolean nameChar(int c) {
    return nameStart(c)
        || c == '-'
        || c == '.'
        || c >= '0' && c <= '9'
        || c == 0xB7
        || c >= 0x300 && c <= 0x36F
        || c >= 0x203F && c <= 0x2040;
  }
}
