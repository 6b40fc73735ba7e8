package org.mapiscope.evtx;

import java.util.List;

/**
 * Applies template instances to their values and feeds the result to a visitor, expanding
 * BinXml values in place. Omits elements whose dependency substitution is NULL and attributes
 * whose only value is a NULL substitution (as the Windows renderer does). Bounded in depth and work.
 */
final class TreeWalker {

    /** More nodes than any sane record; stops exponential template fan-out in crafted files. */
    private static final int MAX_NODES = 1 << 20;
    private static final Object[] NO_VALUES = new Object[0];
    private static final byte[] NO_TYPES = new byte[0];

    private final FragmentParser parser;
    private BinXmlVisitor visitor;
    private int budget;
    private int elements;

    TreeWalker(FragmentParser parser) {
        this.parser = parser;
    }

    void walk(Node[] nodes, BinXmlVisitor visitor) {
        this.visitor = visitor;
        this.budget = MAX_NODES;
        this.elements = 0;
        walk(nodes, NO_VALUES, NO_TYPES, 0);
    }

    /** Elements written by the last {@link #walk}; none means the record carried no event. */
    int elements() {
        return elements;
    }

    private void walk(Node[] nodes, Object[] values, byte[] types, int depth) {
        if (depth > FragmentParser.MAX_DEPTH) {
            throw new DamageException(0, "templates and values nested deeper than " + FragmentParser.MAX_DEPTH);
        }
        for (Node node : nodes) {
            if (--budget < 0) {
                throw new DamageException(0, "record expands to more than " + MAX_NODES + " nodes");
            }
            if (node instanceof Node.Element e) {
                element(e, values, types, depth);
            } else if (node instanceof Node.Text t) {
                visitor.text(ValueType.STRING, t.text());
            } else if (node instanceof Node.Substitution s) {
                substitution(s.index(), values, types, depth);
            } else if (node instanceof Node.Instance i) {
                walk(i.template().nodes(), i.values(), i.types(), depth + 1);
            } else if (node instanceof Node.CharRef c) {
                visitor.charRef(c.code());
            } else if (node instanceof Node.EntityRef r) {
                visitor.entityRef(r.name());
            } else if (node instanceof Node.CData c) {
                visitor.cdata(c.text());
            } else if (node instanceof Node.ProcessingInstruction p) {
                visitor.processingInstruction(p.target(), p.data());
            }
        }
    }

    private void element(Node.Element e, Object[] values, byte[] types, int depth) {
        int dep = e.dependency();
        if (dep >= 0 && dep < values.length && types[dep] == ValueType.NULL) {
            return;
        }
        Node[] children = e.children();
        if (children.length == 1 && children[0] instanceof Node.Substitution s && s.index() < values.length
                && values[s.index()] instanceof List<?> items) {
            // An array value repeats its element once per item (classic <Data>%1</Data> with a string array).
            int type = types[s.index()] & ~ValueType.ARRAY & 0xFF;
            for (Object item : items) {
                elements++;
                visitor.startElement(e.name());
                for (Node.Attr a : e.attributes()) {
                    attribute(a, values, types);
                }
                if (item != null) {
                    visitor.text(type, item);
                }
                visitor.endElement(e.name());
            }
            return;
        }
        elements++;
        visitor.startElement(e.name());
        for (Node.Attr a : e.attributes()) {
            attribute(a, values, types);
        }
        walk(children, values, types, depth + 1);
        visitor.endElement(e.name());
    }

    private void attribute(Node.Attr a, Object[] values, byte[] types) {
        Node[] parts = a.value();
        if (parts.length == 1 && parts[0] instanceof Node.Substitution s) {
            Object v = s.index() < values.length ? values[s.index()] : null;
            if (v != null && !(v instanceof Nested)) {
                visitor.attribute(a.name(), types[s.index()] & 0xFF, v);
            }
            return;
        }
        if (parts.length == 1 && parts[0] instanceof Node.Text t) {
            visitor.attribute(a.name(), ValueType.STRING, t.text());
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Node part : parts) {
            if (part instanceof Node.Text t) {
                sb.append(t.text());
            } else if (part instanceof Node.Substitution s && s.index() < values.length
                    && values[s.index()] != null && !(values[s.index()] instanceof Nested)) {
                ValueText.append(sb, types[s.index()] & 0xFF, values[s.index()]);
            } else if (part instanceof Node.CharRef c) {
                sb.appendCodePoint(c.code());
            } else if (part instanceof Node.EntityRef r) {
                sb.append(ValueText.entity(r.name()));
            } else if (part instanceof Node.CData c) {
                sb.append(c.text());
            }
        }
        visitor.attribute(a.name(), ValueType.STRING, sb.toString());
    }

    private void substitution(int index, Object[] values, byte[] types, int depth) {
        if (index >= values.length) {
            return;
        }
        Object v = values[index];
        if (v instanceof Nested n) {
            walk(parser.fragment(n.offset(), n.offset() + n.length(), depth + 1), NO_VALUES, NO_TYPES, depth + 1);
        } else if (v != null) {
            visitor.text(types[index] & 0xFF, v);
        }
    }
}
