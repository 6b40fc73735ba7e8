package org.mapiscope.evtx;

/**
 * Writes a record's resolved XML as text, indented two spaces per level like {@code evtxexport}:
 * elements with element children open on their own line, text stays inline, empty elements
 * close as {@code <x/>}. Characters XML 1.0 cannot carry are written as character references.
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
        sb.append('<').append(name);
        depth++;
        if (depth < hadChildren.length) {
            hadChildren[depth] = false;
            hadText[depth] = false;
        }
        startPending = true;
    }

    @Override
    public void attribute(String name, int type, Object value) {
        sb.append(' ').append(name).append("=\"");
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
        closePendingStart();
        markText();
        sb.append("&#").append(code).append(';');
    }

    @Override
    public void entityRef(String name) {
        closePendingStart();
        markText();
        sb.append('&').append(name).append(';');
    }

    @Override
    public void cdata(String text) {
        closePendingStart();
        markText();
        sb.append("<![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
    }

    @Override
    public void processingInstruction(String target, String data) {
        closePendingStart();
        sb.append("<?").append(target);
        if (!data.isEmpty()) {
            sb.append(' ').append(data.replace("?>", "? >"));
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
        sb.append("</").append(name).append('>');
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
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        sb.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
