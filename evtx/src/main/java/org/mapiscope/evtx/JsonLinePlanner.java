package org.mapiscope.evtx;

import static org.mapiscope.evtx.JsonLinePlan.ALWAYS;
import static org.mapiscope.evtx.JsonLinePlan.ARRAY;
import static org.mapiscope.evtx.JsonLinePlan.CHANNEL;
import static org.mapiscope.evtx.JsonLinePlan.COMPUTER;
import static org.mapiscope.evtx.JsonLinePlan.EVENT_ID;
import static org.mapiscope.evtx.JsonLinePlan.IF_CONTENT;
import static org.mapiscope.evtx.JsonLinePlan.LEVEL;
import static org.mapiscope.evtx.JsonLinePlan.NAME_KEY;
import static org.mapiscope.evtx.JsonLinePlan.NUMBERS;
import static org.mapiscope.evtx.JsonLinePlan.PROVIDER;
import static org.mapiscope.evtx.JsonLinePlan.QUALIFIERS;
import static org.mapiscope.evtx.JsonLinePlan.RECORD_ID;
import static org.mapiscope.evtx.JsonLinePlan.TASK;
import static org.mapiscope.evtx.JsonLinePlan.TEXTS;
import static org.mapiscope.evtx.JsonLinePlan.VALUE_HEAD;
import static org.mapiscope.evtx.JsonLinePlan.VALUE_KEY;
import static org.mapiscope.evtx.JsonLinePlan.V_LITERAL;
import static org.mapiscope.evtx.JsonLinePlan.V_NULL;
import static org.mapiscope.evtx.JsonLinePlan.jsonString;
import static org.mapiscope.evtx.JsonLinePlan.valueOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link JsonRecordWriter}'s rules over a template plan's calls, with its BinXml values' calls
 * spliced in where the walker would make them, on symbolic values.
 */
final class JsonLinePlanner {

  /** A value known when the plan is made: nothing, literal text, or value {@code index}. */
  record Sym(Kind kind, String text, int index) {
    enum Kind {
      EMPTY,
      TEXT,
      REF
    }

    static final Sym NONE = new Sym(Kind.EMPTY, null, -1);

    static Sym text(String s) {
      return new Sym(Kind.TEXT, s, -1);
    }

    static Sym ref(int i) {
      return new Sym(Kind.REF, null, i);
    }
  }

  private final TemplatePlan plan;
  private final TemplatePlan[] nested;
  private int nextNested;
  final byte[] types;

  private int depth;
  private final Leaves leaves = new Leaves();
  private Name.Section section = Name.Section.OTHER;
  private Sym value = Sym.NONE;
  private Sym dataName = Sym.NONE;

  final Sym[] numbers = new Sym[NUMBERS];
  final Sym[] texts = new Sym[TEXTS];
  int time = -1;
  int[] items = new int[40];
  int itemCount;
  final List<byte[]> heads = new ArrayList<>();

  JsonLinePlanner(TemplatePlan plan, TemplatePlan[] nested) {
    this.plan = plan;
    this.nested = nested;
    int n = plan.types().length;
    for (TemplatePlan p : nested) {
      n += p.types().length;
    }
    types = Arrays.copyOf(plan.types(), n);
    int at = plan.types().length;
    for (TemplatePlan p : nested) {
      System.arraycopy(p.types(), 0, types, at, p.types().length);
      at += p.types().length;
    }
    Arrays.fill(numbers, Sym.NONE);
    Arrays.fill(texts, Sym.NONE);
  }

  /** Returns false where the line depends on the values beyond what a plan holds. */
  boolean run() {
    return run(plan, 0, true) && nextNested == nested.length;
  }

  /** The calls of {@code p}, whose values start at {@code base} in the layout. */
  private boolean run(TemplatePlan p, int base, boolean outer) {
    int[] o = p.ops();
    int nestedBase = base + p.types().length;
    for (int k = 0; k < o.length; k += 4) {
      int x = o[k + 1];
      int y = o[k + 2];
      boolean ok;
      switch (o[k]) {
        case TemplatePlan.START -> ok = start(p.name(x));
        case TemplatePlan.END -> ok = end(p.name(x));
        case TemplatePlan.ATTR_VALUE -> ok = attribute(p.name(x), Sym.ref(base + y));
        case TemplatePlan.ATTR_TEXT -> ok = attribute(p.name(x), Sym.text(p.string(y)));
        case TemplatePlan.TEXT_VALUE -> ok = text(Sym.ref(base + x));
        case TemplatePlan.TEXT -> ok = text(Sym.text(p.string(x)));
        case TemplatePlan.PI -> ok = true;
        case TemplatePlan.WALK_VALUE -> {
          // Only the record's own BinXml values, each one template instance with a plan.
          if (!outer || nextNested == nested.length) {
            return false;
          }
          TemplatePlan n = nested[nextNested++];
          ok = run(n, nestedBase, false);
          nestedBase += n.types().length;
        }
        case TemplatePlan.WALK_ELEMENT -> ok = arrayElement(p.walked(x), base);
        default -> ok = false; // joined text (references, CDATA)
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean start(Name name) {
    depth = leaves.open(depth);
    if (depth == 2) {
      section = name.section;
    }
    dataName = Sym.NONE;
    value = Sym.NONE;
    return true;
  }

  private boolean attribute(Name name, Sym v) {
    if (section == Name.Section.SYSTEM && depth == 3) {
      switch (name.attribute) {
        case NAME -> {
          if (texts[PROVIDER].kind == Sym.Kind.EMPTY) {
            texts[PROVIDER] = v;
          }
        }
        case QUALIFIERS -> numbers[QUALIFIERS] = v;
        case SYSTEM_TIME -> {
          if (v.kind != Sym.Kind.REF || (types[v.index] & 0xFF) != ValueType.FILETIME) {
            return false;
          }
          time = v.index;
        }
        default -> {}
      }
    } else if (section == Name.Section.EVENT_DATA
        && depth == 3
        && name.attribute == Name.Attribute.NAME) {
      dataName = v;
    }
    return true;
  }

  private boolean text(Sym v) {
    if (value.kind != Sym.Kind.EMPTY) {
      return false; // the writer would join the parts as text
    }
    value = v;
    return true;
  }

  private boolean end(Name name) {
    Sym v = value;
    boolean ok = true;
    if (section == Name.Section.SYSTEM && depth == 3) {
      if (v.kind != Sym.Kind.EMPTY) {
        ok = system(name.systemField, v);
      }
    } else if (section == Name.Section.EVENT_DATA && depth >= 3) {
      if (name.data) {
        dataItem(v);
      } else if (v.kind == Sym.Kind.REF) {
        item(mayBeEmpty(v.index), head(name.itemHead), -1, v);
      } else if (v.kind == Sym.Kind.TEXT && !v.text.isEmpty()) {
        item(false, head(name.itemHead), -1, v);
      }
    } else if (section == Name.Section.USER_DATA && depth >= 3 && leaves.isLeaf(depth)) {
      item(false, head(name.itemHead), -1, v);
    }
    if (depth == 2) {
      section = Name.Section.OTHER;
    }
    depth--;
    dataName = Sym.NONE;
    value = Sym.NONE;
    return ok;
  }

  private boolean system(Name.SystemField field, Sym v) {
    switch (field) {
      case EVENT_ID -> numbers[EVENT_ID] = v;
      case LEVEL -> numbers[LEVEL] = v;
      case TASK -> numbers[TASK] = v;
      case EVENT_RECORD_ID -> {
        // The header's id stays unless this reads as a number: settled here, or no plan.
        if (v.kind == Sym.Kind.TEXT) {
          if (RecordCollector.toLong(v.text) != null) {
            numbers[RECORD_ID] = v;
          }
        } else {
          int type = types[v.index] & 0xFF;
          if (!Values.isInteger(type) && type != ValueType.UINT64) {
            return false;
          }
          numbers[RECORD_ID] = v;
        }
      }
      case CHANNEL -> texts[CHANNEL] = v;
      case COMPUTER -> texts[COMPUTER] = v;
      default -> {}
    }
    return true;
  }

  /** A classic {@code <Data>} item, named by its Name attribute when it has one. */
  private void dataItem(Sym v) {
    switch (dataName.kind) {
      case EMPTY -> item(false, head(VALUE_HEAD), -1, v);
      case TEXT -> {
        byte[] name = jsonString(dataName.text);
        item(
            false,
            head(
                new ByteSink(NAME_KEY.length + name.length + VALUE_KEY.length)
                    .bytes(NAME_KEY)
                    .bytes(name)
                    .bytes(VALUE_KEY)
                    .toByteArray()),
            -1,
            v);
      }
      default -> item(false, -1, dataName.index, v);
    }
  }

  /**
   * An element the walker repeats per array element: settled here for the classic unnamed {@code
   * <Data>} of EventData, one item per element whatever the count.
   */
  private boolean arrayElement(Node.Element e, int base) {
    Node[] children = e.children();
    if (section != Name.Section.EVENT_DATA
        || depth != 2
        || value.kind != Sym.Kind.EMPTY
        || dataName.kind != Sym.Kind.EMPTY
        || !e.name().equals("Data")
        || e.attributes().length != 0
        || children.length != 1
        || !(children[0] instanceof Node.Substitution s)
        || (types[base + s.index()] & ValueType.ARRAY) == 0) {
      return false;
    }
    // Each element leaves depth, section and the open value as they were; only UserData asks for
    // leaves.
    add(ARRAY, head(VALUE_HEAD), -1, V_NULL, base + s.index());
    return true;
  }

  /** Whether {@link Slot#hasContent} may be false for value {@code i} of this shape. */
  private boolean mayBeEmpty(int i) {
    int type = types[i] & 0xFF;
    return type == ValueType.STRING || type == ValueType.ANSI_STRING || Values.isBytes(type);
  }

  private void item(boolean ifContent, int head, int nameIndex, Sym v) {
    int op;
    int x;
    if (v.kind == Sym.Kind.EMPTY) {
      op = V_NULL;
      x = 0;
    } else if (v.kind == Sym.Kind.TEXT) {
      op = V_LITERAL;
      x = head(jsonString(v.text));
    } else {
      op = valueOp(types[v.index] & 0xFF);
      x = v.index;
    }
    add(ifContent ? IF_CONTENT : ALWAYS, head, nameIndex, op, x);
  }

  private void add(int kind, int head, int nameIndex, int op, int x) {
    if (5 * itemCount + 5 > items.length) {
      items = Arrays.copyOf(items, 2 * items.length);
    }
    int k = 5 * itemCount++;
    items[k] = kind;
    items[k + 1] = head;
    items[k + 2] = nameIndex;
    items[k + 3] = op;
    items[k + 4] = x;
  }

  private int head(byte[] bytes) {
    heads.add(bytes);
    return heads.size() - 1;
  }
}
