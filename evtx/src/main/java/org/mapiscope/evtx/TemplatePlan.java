package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template flattened, for one shape of values, into the visitor calls {@link TreeWalker} would
 * make: which elements a NULL dependency omits and which substitutions are NULL is decided once per
 * shape, so a record is a loop over ints that splices in its values. The shape is the values' types
 * plus the NULL-ness of the few types where it depends on the bytes. What depends on the bytes
 * beyond that (an array repeating its element, a BinXml value, an attribute joined from several
 * parts) is handed back to the walker for that element or value (a BinXml value that is one
 * template instance is replayed from that template's plan in turn); templates nested in a template
 * get no plan. Each call carries the nodes the walk would have counted before it, so the walker's
 * node budget runs out exactly where the walk's would.
 */
final class TemplatePlan {

  static final int START = 0;
  static final int END = 1;
  static final int ATTR_VALUE = 2;
  static final int ATTR_TEXT = 3;
  static final int TEXT_VALUE = 4;
  static final int TEXT = 5;
  static final int CHAR_REF = 6;
  static final int ENTITY_REF = 7;
  static final int CDATA = 8;
  static final int PI = 9;
  static final int WALK_ELEMENT = 10;
  static final int WALK_VALUE = 11;

  private final byte[] types;
  private final long nullBits;

  /**
   * Four ints per call: opcode, two operands (string index, value index or code) and the nodes the
   * tree walk counts against its budget before making the call; null: no plan.
   */
  private final int[] ops;

  private final String[] strings;

  /** Per string index, the element or attribute name it is (null for other strings). */
  private final Name[] names;

  /** Elements left to the walker. */
  private final Node.Element[] walked;

  private final int[] valueWalks;
  private final int elements;

  /** Nodes the tree walk counts after the last call. */
  private final int tail;

  /** The deepest level the tree walk would reach, the template's nodes being level 1. */
  private final int maxDepth;

  private TemplatePlan(byte[] types, long nullBits, Compiler c) {
    this.types = types;
    this.nullBits = nullBits;
    if (c == null) {
      ops = null;
      strings = null;
      names = null;
      walked = null;
      valueWalks = null;
      elements = 0;
      tail = 0;
      maxDepth = 0;
      return;
    }
    ops = Arrays.copyOf(c.ops, c.size);
    strings = c.strings.toArray(new String[0]);
    names = c.names.toArray(new Name[0]);
    walked = c.walked.toArray(new Node.Element[0]);
    valueWalks = c.valueWalks();
    elements = c.elements;
    tail = c.pending;
    maxDepth = c.maxDepth;
  }

  /**
   * JSON line plans made on first use (null: none), kept by the plan they are looked up on: a
   * record's own plan when it has no BinXml values, else the plan of its first BinXml value (one
   * record template serves many event templates, while an event template usually sits in one).
   */
  private TemplatePlan[] jsonOuter = new TemplatePlan[1];

  private TemplatePlan[][] jsonNested = new TemplatePlan[1][];
  private JsonLinePlan[] jsonPlans = new JsonLinePlan[1];
  private int jsonCount;

  /** Next entry to replace once {@link #MAX_JSON_PLANS} are kept. */
  private int jsonVictim;

  /** JSON line plans kept per plan; beyond that they replace each other in turn. */
  private static final int MAX_JSON_PLANS = 16;

  /**
   * The JSON line plan of this shape when its BinXml values (one per {@link #valueWalks}, in order)
   * have the plans {@code nested}; null when such records take the walk.
   */
  JsonLinePlan json(TemplatePlan[] nested) {
    return (nested.length == 0 ? this : nested[0]).jsonOf(this, nested);
  }

  private JsonLinePlan jsonOf(TemplatePlan outer, TemplatePlan[] nested) {
    for (int i = 0; i < jsonCount; i++) {
      if (jsonOuter[i] == outer
          && Arrays.equals(jsonNested[i], nested)) { // plans compare by identity
        return jsonPlans[i];
      }
    }
    JsonLinePlan p = JsonLinePlan.compile(outer, nested);
    int slot;
    if (jsonCount < MAX_JSON_PLANS) {
      if (jsonCount == jsonPlans.length) {
        jsonOuter = Arrays.copyOf(jsonOuter, 2 * jsonCount);
        jsonNested = Arrays.copyOf(jsonNested, 2 * jsonCount);
        jsonPlans = Arrays.copyOf(jsonPlans, 2 * jsonCount);
      }
      slot = jsonCount++;
    } else {
      slot = jsonVictim;
      jsonVictim = (jsonVictim + 1) % MAX_JSON_PLANS;
    }
    jsonOuter[slot] = outer;
    jsonNested[slot] = nested.clone();
    jsonPlans[slot] = p;
    return p;
  }

  /** Positions of the calls that expand a BinXml value (see {@link #walk}). */
  int[] valueWalks() {
    return valueWalks;
  }

  /** The calls, four ints each (see {@link #ops}); read by {@link JsonLinePlan}. */
  int[] ops() {
    return ops;
  }

  byte[] types() {
    return types;
  }

  Name name(int x) {
    return names[x];
  }

  /** The element a {@link #WALK_ELEMENT} call hands to the walker. */
  Node.Element walked(int x) {
    return walked[x];
  }

  String string(int x) {
    return strings[x];
  }

  /** Elements the plan writes itself (the walker counts those it is handed). */
  int elements() {
    return elements;
  }

  /** Whether the plan can be replayed with the template's nodes at walk depth {@code base}. */
  boolean fitsAt(int base) {
    return maxDepth + base - 1 <= FragmentParser.MAX_DEPTH;
  }

  /** Number of ints in the plan's calls: {@link #calls} returns it at the end. */
  int length() {
    return ops.length;
  }

  /**
   * Makes the call at {@code k} that {@link #calls} left to the walker, the template's nodes being
   * at walk depth {@code base}: an element the walker writes, or a value it expands.
   */
  void walk(int k, Node.Instance values, TreeWalker walker, int base) {
    int x = ops[k + 1];
    int depth = ops[k + 2] + base - 1;
    if (ops[k] == WALK_ELEMENT) {
      walker.element(walked[x], values, depth);
    } else {
      walker.substitutionInPlan(x, values, depth);
    }
  }

  /** Spends the nodes the tree walk counts after the last call. */
  void finish(TreeWalker walker) {
    if (tail != 0) {
      walker.spend(tail);
    }
  }

  /**
   * Makes the visitor calls from op {@code k} on, spending the walker's node budget as the tree
   * walk would; returns the index of the first op left to the walker ({@link #walk}), or {@link
   * #length} at the end.
   */
  int calls(Node.Instance values, RawVisitor v, TreeWalker walker, int k) {
    int[] at = values.at();
    int[] sizes = values.sizes();
    int[] o = ops;
    String[] s = strings;
    Name[] n = names;
    for (; k < o.length; k += 4) {
      int x = o[k + 1];
      int y = o[k + 2];
      if (o[k + 3] != 0) {
        walker.spend(o[k + 3]);
      }
      switch (o[k]) {
        case START -> v.startElement(n[x]);
        case END -> v.endElement(n[x]);
        case ATTR_VALUE -> v.attribute(n[x], types[y] & 0xFF, at[y], sizes[y]);
        case ATTR_TEXT -> v.attribute(n[x], s[y]);
        case TEXT_VALUE -> v.text(types[x] & 0xFF, at[x], sizes[x]);
        case TEXT -> v.text(s[x]);
        case CHAR_REF -> v.charRef(x);
        case ENTITY_REF -> v.entityRef(s[x]);
        case CDATA -> v.cdata(s[x]);
        case PI -> v.processingInstruction(s[x], s[y]);
        default -> {
          return k;
        }
      }
    }
    return k;
  }

  /**
   * The NULL-ness bits of the values whose NULL-ness depends on their bytes, or -1 when such a
   * value sits beyond index 63 (no plan then).
   */
  static long nullBits(byte[] b, Node.Instance values) {
    byte[] types = values.types();
    long bits = 0;
    for (int i = 0; i < types.length; i++) {
      int type = types[i];
      if (type == ValueType.BOOL || type == ValueType.SIZE_T || type == ValueType.SYSTEMTIME) {
        if (i >= 64) {
          return -1;
        }
        if (Values.isNull(b, values.at()[i], values.sizes()[i], type)) {
          bits |= 1L << i;
        }
      }
    }
    return bits;
  }

  boolean fits(byte[] otherTypes, long otherNullBits) {
    return nullBits == otherNullBits && Arrays.equals(types, otherTypes);
  }

  /**
   * The plan of {@code nodes} for values of this shape, or {@code null} when the full walk is
   * needed.
   */
  static TemplatePlan compile(Node[] nodes, byte[] types, long nullBits) {
    Compiler c = new Compiler(types, nullBits);
    if (!c.nodes(nodes, 1)) {
      return null;
    }
    return new TemplatePlan(types.clone(), nullBits, c);
  }

  /**
   * The plans of one template, one per shape seen, compiled on first use. Kept with the template,
   * which one decoding thread reuses across its chunks, so used by one thread.
   */
  static final class Cache {
    /**
     * Shapes per template worth a plan (a template reused over a whole file meets more than one
     * chunk holds); beyond that records take the full walk.
     */
    private static final int MAX_SHAPES = 32;

    private final TemplatePlan[] plans = new TemplatePlan[MAX_SHAPES];
    private int count;
    private Node.Instance values;

    /**
     * Value arrays for {@code n} values of template {@code t}, reused by the template's top-level
     * records.
     */
    Node.Instance values(Node.Template t, int n) {
      Node.Instance v = values;
      if (v == null || v.types().length != n) {
        v = new Node.Instance(t, new byte[n], new int[n], new int[n]);
        values = v;
      }
      return v;
    }

    /** The plan for these values, or {@code null} when they need the full walk. */
    TemplatePlan find(byte[] b, Node[] nodes, Node.Instance values) {
      long bits = nullBits(b, values);
      if (bits < 0) {
        return null;
      }
      byte[] types = values.types();
      for (int i = 0; i < count; i++) {
        TemplatePlan p = plans[i];
        if (p.fits(types, bits)) {
          return p.ops == null ? null : p;
        }
      }
      if (count == MAX_SHAPES) {
        return null;
      }
      TemplatePlan p = compile(nodes, types, bits);
      // A shape without a plan is remembered too, so it is not compiled again.
      plans[count++] = p != null ? p : new TemplatePlan(types.clone(), bits, null);
      return p;
    }
  }

  /** Mirrors {@link TreeWalker}'s decisions for a known shape; returns false where it cannot. */
  private static final class Compiler {
    private final byte[] types;
    private final long nullBits;
    private int[] ops = new int[64];
    private int size;
    private final List<String> strings = new ArrayList<>();
    private final List<Name> names = new ArrayList<>();
    private final List<Node.Element> walked = new ArrayList<>();
    private int elements;

    /** Nodes the tree walk counts before the next call. */
    private int pending;

    private int maxDepth;

    Compiler(byte[] types, long nullBits) {
      this.types = types;
      this.nullBits = nullBits;
    }

    private boolean nodes(Node[] nodes, int depth) {
      if (depth > FragmentParser.MAX_DEPTH) {
        return false;
      }
      maxDepth = Math.max(maxDepth, depth);
      for (Node node : nodes) {
        pending++;
        if (node instanceof Node.Element e) {
          if (!element(e, depth)) {
            return false;
          }
        } else if (node instanceof Node.Text t) {
          op(TEXT, string(t.text()), 0);
        } else if (node instanceof Node.Substitution s) {
          int i = s.index();
          if (i < types.length) {
            if (types[i] == (byte) ValueType.BINXML) {
              op(WALK_VALUE, i, depth);
            } else if (!isNull(i)) {
              op(TEXT_VALUE, i, 0);
            }
          }
        } else if (node instanceof Node.CharRef c) {
          op(CHAR_REF, c.code(), 0);
        } else if (node instanceof Node.EntityRef r) {
          op(ENTITY_REF, string(r.name()), 0);
        } else if (node instanceof Node.CData c) {
          op(CDATA, string(c.text()), 0);
        } else if (node instanceof Node.ProcessingInstruction p) {
          op(PI, string(p.target()), string(p.data()));
        } else {
          return false; // a template instance inside a template
        }
      }
      return true;
    }

    private boolean element(Node.Element e, int depth) {
      int dep = e.dependency();
      if (dep >= 0 && dep < types.length && types[dep] == ValueType.NULL) {
        return true;
      }
      Node[] children = e.children();
      if (children.length == 1
              && children[0] instanceof Node.Substitution s
              && s.index() < types.length
              && (types[s.index()] & ValueType.ARRAY) != 0
          || !simpleAttributes(e)) {
        walked.add(e);
        op(WALK_ELEMENT, walked.size() - 1, depth);
        return true;
      }
      elements++;
      int name = name(e.name());
      op(START, name, 0);
      for (Node.Attr a : e.attributes()) {
        Node[] parts = a.value();
        if (parts.length == 1 && parts[0] instanceof Node.Substitution s) {
          int i = s.index();
          if (i < types.length && types[i] != (byte) ValueType.BINXML && !isNull(i)) {
            op(ATTR_VALUE, name(a.name()), i);
          }
        } else if (parts.length == 1 && parts[0] instanceof Node.Text t) {
          op(ATTR_TEXT, name(a.name()), string(t.text()));
        }
      }
      if (!nodes(children, depth + 1)) {
        return false;
      }
      op(END, name, 0);
      return true;
    }

    /** Whether every attribute value is one substitution or one text. */
    private static boolean simpleAttributes(Node.Element e) {
      for (Node.Attr a : e.attributes()) {
        Node[] parts = a.value();
        if (parts.length != 1
            || !(parts[0] instanceof Node.Substitution || parts[0] instanceof Node.Text)) {
          return false;
        }
      }
      return true;
    }

    /** {@link Values#isNull} for this shape. */
    private boolean isNull(int i) {
      int type = types[i];
      if (type == ValueType.NULL) {
        return true;
      }
      boolean dependsOnBytes =
          type == ValueType.BOOL || type == ValueType.SIZE_T || type == ValueType.SYSTEMTIME;
      return dependsOnBytes && (nullBits & 1L << i) != 0;
    }

    private void op(int code, int x, int y) {
      if (size + 4 > ops.length) {
        ops = Arrays.copyOf(ops, 2 * ops.length);
      }
      ops[size] = code;
      ops[size + 1] = x;
      ops[size + 2] = y;
      ops[size + 3] = pending;
      size += 4;
      pending = 0;
    }

    int[] valueWalks() {
      int n = 0;
      for (int k = 0; k < size; k += 4) {
        n += ops[k] == WALK_VALUE ? 1 : 0;
      }
      int[] at = new int[n];
      for (int k = 0, i = 0; k < size; k += 4) {
        if (ops[k] == WALK_VALUE) {
          at[i++] = k;
        }
      }
      return at;
    }

    private int string(String s) {
      strings.add(s);
      names.add(null);
      return strings.size() - 1;
    }

    private int name(String s) {
      strings.add(s);
      names.add(Name.of(s));
      return strings.size() - 1;
    }
  }
}
