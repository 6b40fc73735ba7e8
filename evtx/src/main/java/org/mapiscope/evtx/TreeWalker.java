package org.mapiscope.evtx;

import java.util.Arrays;

/**
 * Applies template instances to their values and feeds the result to a visitor, expanding BinXml
 * values in place. Omits elements whose dependency substitution is NULL and attributes whose only
 * value is a NULL substitution (as the Windows renderer does). Values stay in the chunk; the
 * visitor decodes what it needs. Bounded in depth and work.
 */
final class TreeWalker {

  /** More nodes than any sane record; stops exponential template fan-out in crafted files. */
  private static final int MAX_NODES = 1 << 20;

  private static final Node.Instance NO_VALUES =
      new Node.Instance(null, new byte[0], new int[0], new int[0]);

  private final FragmentParser parser;
  private final byte[] b;
  private RawVisitor visitor;

  /** Plans being replayed (see {@link #replay}), innermost last. */
  private TemplatePlan[] framePlans = new TemplatePlan[8];

  private Node.Instance[] frameValues = new Node.Instance[8];
  private int[] frameNext = new int[8];
  private int[] frameBase = new int[8];
  private int frames;
  private int budget;
  private int elements;

  TreeWalker(FragmentParser parser, byte[] chunkBytes) {
    this.parser = parser;
    this.b = chunkBytes;
  }

  void walk(Node[] nodes, RawVisitor visitor) {
    if (nodes.length == 1 && nodes[0] instanceof Node.Instance i) {
      walk(i, visitor);
      return;
    }
    start(visitor);
    walk(nodes, NO_VALUES, 0);
  }

  /** The usual record: one template instance, replayed from its flattened form when it has one. */
  void walk(Node.Instance record, RawVisitor visitor) {
    start(visitor);
    spend(1);
    instance(record, 1, false);
  }

  /**
   * A template applied to its values, its nodes at walk depth {@code depth} (already checked). With
   * {@code defer} (called from the replay loop itself) a plan is pushed for that loop to run next
   * instead of being replayed here.
   */
  private void instance(Node.Instance values, int depth, boolean defer) {
    Node.Template t = values.template();
    TemplatePlan plan = t.plans().find(b, t.nodes(), values);
    if (plan != null && plan.fitsAt(depth)) {
      elements += plan.elements();
      if (defer) {
        push(plan, values, depth);
      } else {
        replay(plan, values, depth);
      }
    } else {
      walk(t.nodes(), values, depth);
    }
  }

  /**
   * Replays a plan and, through a stack of frames rather than recursion, the plans of the BinXml
   * values in it: the same calls in the same order, in a loop small enough to compile early.
   */
  private void replay(TemplatePlan first, Node.Instance firstValues, int firstBase) {
    int bottom = frames;
    push(first, firstValues, firstBase);
    while (frames > bottom) {
      int f = frames - 1;
      TemplatePlan plan = framePlans[f];
      Node.Instance values = frameValues[f];
      int k = plan.calls(values, visitor, this, frameNext[f]);
      if (k == plan.length()) {
        frames = f;
        framePlans[f] = null;
        frameValues[f] = null;
        plan.finish(this);
      } else {
        frameNext[f] = k + 4;
        plan.walk(k, values, this, frameBase[f]);
      }
    }
  }

  private void push(TemplatePlan plan, Node.Instance values, int base) {
    if (frames == framePlans.length) {
      framePlans = Arrays.copyOf(framePlans, 2 * frames);
      frameValues = Arrays.copyOf(frameValues, 2 * frames);
      frameNext = Arrays.copyOf(frameNext, 2 * frames);
      frameBase = Arrays.copyOf(frameBase, 2 * frames);
    }
    framePlans[frames] = plan;
    frameValues[frames] = values;
    frameNext[frames] = 0;
    frameBase[frames] = base;
    frames++;
  }

  /** Counts {@code n} nodes against the record's budget. */
  void spend(int n) {
    budget -= n;
    if (budget < 0) {
      throw new DamageException(0, "record expands to more than " + MAX_NODES + " nodes");
    }
  }

  private void start(RawVisitor visitor) {
    if (frames > 0) {
      // A record that ended in damage mid-replay.
      Arrays.fill(framePlans, null);
      Arrays.fill(frameValues, null);
      frames = 0;
    }
    this.visitor = visitor;
    this.budget = MAX_NODES;
    this.elements = 0;
  }

  /** Elements written by the last {@link #walk}; none means the record carried no event. */
  int elements() {
    return elements;
  }

  private void walk(Node[] nodes, Node.Instance values, int depth) {
    checkDepth(depth);
    for (Node node : nodes) {
      spend(1);
      if (node instanceof Node.Element e) {
        element(e, values, depth);
      } else if (node instanceof Node.Text t) {
        visitor.text(t.text());
      } else if (node instanceof Node.Substitution s) {
        substitution(s.index(), values, depth);
      } else if (node instanceof Node.Instance i) {
        walk(i.template().nodes(), i, depth + 1);
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

  /** One element of a template applied to {@code values}, at walk depth {@code depth}. */
  void element(Node.Element e, Node.Instance values, int depth) {
    byte[] types = values.types();
    int dep = e.dependency();
    if (dep >= 0 && dep < types.length && types[dep] == ValueType.NULL) {
      return;
    }
    Node[] children = e.children();
    if (children.length == 1
        && children[0] instanceof Node.Substitution s
        && s.index() < types.length
        && (types[s.index()] & ValueType.ARRAY) != 0) {
      // An array value repeats its element once per item (classic <Data>%1</Data> with a string
      // array).
      int i = s.index();
      Values.forEachItem(
          b,
          values.at()[i],
          values.sizes()[i],
          types[i] & 0x7F,
          (type, at, size) -> {
            elements++;
            visitor.startElement(e.name());
            for (Node.Attr a : e.attributes()) {
              attribute(a, values);
            }
            if (!Values.isNull(b, at, size, type)) {
              visitor.text(type, at, size);
            }
            visitor.endElement(e.name());
          });
      return;
    }
    elements++;
    visitor.startElement(e.name());
    for (Node.Attr a : e.attributes()) {
      attribute(a, values);
    }
    walk(children, values, depth + 1);
    visitor.endElement(e.name());
  }

  private void attribute(Node.Attr a, Node.Instance values) {
    Node[] parts = a.value();
    if (parts.length == 1 && parts[0] instanceof Node.Substitution s) {
      if (present(s.index(), values)) {
        int i = s.index();
        visitor.attribute(a.name(), values.types()[i] & 0xFF, values.at()[i], values.sizes()[i]);
      }
      return;
    }
    if (parts.length == 1 && parts[0] instanceof Node.Text t) {
      visitor.attribute(a.name(), t.text());
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Node part : parts) {
      if (part instanceof Node.Text t) {
        sb.append(t.text());
      } else if (part instanceof Node.Substitution s && present(s.index(), values)) {
        int i = s.index();
        int type = values.types()[i] & 0xFF;
        ValueText.append(
            sb, type, Values.decode(b, values.at()[i], values.sizes()[i], type, b.length));
      } else if (part instanceof Node.CharRef c) {
        sb.appendCodePoint(c.code());
      } else if (part instanceof Node.EntityRef r) {
        sb.append(ValueText.entity(r.name()));
      } else if (part instanceof Node.CData c) {
        sb.append(c.text());
      }
    }
    visitor.attribute(a.name(), sb.toString());
  }

  /** A value that is neither NULL nor BinXml (attributes cannot hold elements). */
  private boolean present(int i, Node.Instance values) {
    if (i >= values.types().length) {
      return false;
    }
    int type = values.types()[i] & 0xFF;
    return type != ValueType.BINXML && !Values.isNull(b, values.at()[i], values.sizes()[i], type);
  }

  /**
   * A BinXml value at walk depth {@code depth}: usually one template instance, replayed like a
   * record's.
   */
  private void binXml(int at, int size, int depth, boolean defer) {
    Node.Instance single = parser.instance(at, at + size, depth + 1, false);
    if (single == null) {
      walk(parser.fragment(at, at + size, depth), NO_VALUES, depth);
      return;
    }
    // The checks and counts walk(nodes, NO_VALUES, depth) makes on its way to the instance.
    checkDepth(depth);
    spend(1);
    checkDepth(depth + 1);
    instance(single, depth + 1, defer);
  }

  private static void checkDepth(int depth) {
    if (depth > FragmentParser.MAX_DEPTH) {
      throw new DamageException(
          0, "templates and values nested deeper than " + FragmentParser.MAX_DEPTH);
    }
  }

  /** Substitution {@code i} of {@code values} as element content, at walk depth {@code depth}. */
  void substitution(int i, Node.Instance values, int depth) {
    substitution(i, values, depth, false);
  }

  /**
   * {@link #substitution} called from the replay loop: a BinXml value's plan goes on the loop's
   * stack.
   */
  void substitutionInPlan(int i, Node.Instance values, int depth) {
    substitution(i, values, depth, true);
  }

  private void substitution(int i, Node.Instance values, int depth, boolean defer) {
    byte[] types = values.types();
    if (i >= types.length) {
      return;
    }
    int type = types[i] & 0xFF;
    int at = values.at()[i];
    int size = values.sizes()[i];
    if (type == ValueType.BINXML) {
      binXml(at, size, depth + 1, defer);
    } else if (!Values.isNull(b, at, size, type)) {
      visitor.text(type, at, size);
    }
  }
}
