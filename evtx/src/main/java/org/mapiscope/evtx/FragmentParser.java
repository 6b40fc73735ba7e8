package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BinXML tokens into {@link Node} trees. Used to compile each template once per chunk (or
 * take it from the thread's {@link TemplateCache}) and to read template instances and template-less
 * fragments (forwarded events) of records. Every length is validated against the fragment end
 * before use; nesting is capped.
 */
final class FragmentParser {

  /** Deeper than any real event; protects the stack from crafted input. */
  static final int MAX_DEPTH = 64;

  private static final Node[] NO_NODES = new Node[0];
  private static final Node.Attr[] NO_ATTRS = new Node.Attr[0];

  private final Chunk chunk;
  private final byte[] b;
  private int pos;

  /** Templates of earlier chunks, or null. */
  private final TemplateCache shared;

  /** What the template being compiled read from outside itself, while it may still be shared. */
  private TemplateCache.Recording recording;

  FragmentParser(Chunk chunk) {
    this(chunk, null);
  }

  /** A parser that reuses templates of earlier chunks from {@code shared} (null: none). */
  FragmentParser(Chunk chunk, TemplateCache shared) {
    this.chunk = chunk;
    this.b = chunk.bytes;
    this.shared = shared;
  }

  /** Parses the fragment in {@code [start, end)} of the chunk. */
  Node[] fragment(int start, int end, int depth) {
    if (start < 0 || end > chunk.length || start > end) {
      throw new DamageException(start, "fragment outside the chunk");
    }
    int saved = pos;
    pos = start;
    try {
      List<Node> out = new ArrayList<>(2);
      content(out, end, depth, true);
      return out.toArray(NO_NODES);
    } finally {
      pos = saved;
    }
  }

  /**
   * The template instance of a fragment that is only that (after an optional fragment header), as
   * {@link #fragment} would parse it at {@code depth}; {@code null} for any other fragment. With
   * {@code reuse} the instance's value arrays are the template's own, reused from record to record,
   * so it is valid until the next call (for records only, never nested values).
   */
  Node.Instance instance(int start, int end, int depth, boolean reuse) {
    return instance(start, end, depth, reuse, null);
  }

  /**
   * {@link #instance(int, int, int, boolean)} reusing the template's value arrays unless the
   * template is {@code kept} (whose arrays still hold values in use).
   */
  Node.Instance instanceReusing(int start, int end, int depth, Node.Template kept) {
    return instance(start, end, depth, true, kept);
  }

  private Node.Instance instance(int start, int end, int depth, boolean reuse, Node.Template kept) {
    if (start < 0 || end > chunk.length || start > end) {
      return null;
    }
    int saved = pos;
    pos = start;
    try {
      if (pos < end && (b[pos] & 0xBF) == 0x0F) {
        LittleEndian.check(pos, 4, end);
        pos += 4;
      }
      if (pos >= end || (b[pos] & 0xBF) != 0x0C) {
        return null;
      }
      Node.Instance i = instance(end, depth, reuse, kept);
      return pos < end && (b[pos] & 0xBF) == 0x00 ? i : null;
    } finally {
      pos = saved;
    }
  }

  /** Reads content tokens up to and including EOF (fragment) or end-element (element content). */
  private void content(List<Node> out, int end, int depth, boolean fragment) {
    while (pos < end) {
      int token = b[pos] & 0xFF;
      switch (token & 0xBF) {
        case 0x00:
          pos++;
          return;
        case 0x04:
          if (fragment) {
            throw damage("end-element token outside an element");
          }
          pos++;
          return;
        case 0x0F:
          LittleEndian.check(pos, 4, end);
          pos += 4;
          break;
        case 0x01:
          out.add(element(end, depth + 1));
          break;
        case 0x0C:
          out.add(instance(end, depth + 1, false));
          break;
        default:
          out.add(valueToken(token, end));
      }
    }
    if (!fragment) {
      throw damage("element not closed before the end of its fragment");
    }
  }

  /** Tokens that may appear in element content and in attribute values. */
  private Node valueToken(int token, int end) {
    int at = pos;
    switch (token & 0xBF) {
      case 0x05:
        {
          int type = LittleEndian.u8(b, at + 1, end);
          if (type != ValueType.STRING) {
            throw damage(
                "value text of type 0x"
                    + Integer.toHexString(type)
                    + " (only strings are defined)");
          }
          int count = LittleEndian.u16(b, at + 2, end);
          LittleEndian.check(at + 4, 2 * count, end);
          pos = at + 4 + 2 * count;
          return new Node.Text(Values.utf16(b, at + 4, count));
        }
      case 0x07:
        {
          int count = LittleEndian.u16(b, at + 1, end);
          LittleEndian.check(at + 3, 2 * count, end);
          pos = at + 3 + 2 * count;
          return new Node.CData(Values.utf16(b, at + 3, count));
        }
      case 0x08:
        pos = at + 3;
        return new Node.CharRef(LittleEndian.u16(b, at + 1, end));
      case 0x09:
        {
          int nameOffset = LittleEndian.i32(b, at + 1, end);
          pos = at + 5;
          return new Node.EntityRef(name(at + 1, nameOffset));
        }
      case 0x0A:
        {
          int nameOffset = LittleEndian.i32(b, at + 1, end);
          pos = at + 5;
          String target = name(at + 1, nameOffset);
          if (pos < end && b[pos] == 0x0B) {
            int count = LittleEndian.u16(b, pos + 1, end);
            LittleEndian.check(pos + 3, 2 * count, end);
            String data = Values.utf16(b, pos + 3, count);
            pos += 3 + 2 * count;
            return new Node.ProcessingInstruction(target, data);
          }
          return new Node.ProcessingInstruction(target, "");
        }
      case 0x0D:
      case 0x0E:
        {
          int index = LittleEndian.u16(b, at + 1, end);
          LittleEndian.u8(b, at + 3, end);
          pos = at + 4;
          return new Node.Substitution(index, (token & 0xBF) == 0x0E);
        }
      default:
        throw damage("unexpected BinXML token 0x" + Integer.toHexString(token));
    }
  }

  private Node.Element element(int end, int depth) {
    if (depth > MAX_DEPTH) {
      throw damage("elements nested deeper than " + MAX_DEPTH);
    }
    int token = b[pos] & 0xFF;
    int p = pos + 1;
    int dependency = -1;
    // Template bodies carry a 16-bit dependency id before the size; forwarded (template-less)
    // records omit it. Only one reading gives a size and name offset that make sense.
    if (plausibleElement(p + 2, end)) {
      int id = LittleEndian.u16(b, p, end);
      dependency = id == 0xFFFF ? -1 : id;
      p += 2;
    } else if (!plausibleElement(p, end)) {
      throw damage("element with an impossible size or name offset");
    } else if (recording != null) {
      recording.shareable = false; // this reading was chosen by where the name sits
    }
    int nameOffset = LittleEndian.i32(b, p + 4, end);
    pos = p + 8;
    String name = name(p + 4, nameOffset);
    Node.Attr[] attributes = NO_ATTRS;
    if ((token & 0x40) != 0) {
      LittleEndian.check(pos, 4, end);
      pos += 4;
      List<Node.Attr> attrs = new ArrayList<>(4);
      while (pos < end && (b[pos] & 0xBF) == 0x06) {
        attrs.add(attribute(end));
      }
      attributes = attrs.toArray(NO_ATTRS);
    }
    int close = LittleEndian.u8(b, pos, end);
    pos++;
    if (close == 0x03) {
      return new Node.Element(name, dependency, attributes, NO_NODES);
    }
    if (close != 0x02) {
      throw new DamageException(
          pos - 1,
          "element <" + name + "> start not closed (token 0x" + Integer.toHexString(close) + ")");
    }
    List<Node> children = new ArrayList<>(4);
    content(children, end, depth, false);
    return new Node.Element(name, dependency, attributes, children.toArray(NO_NODES));
  }

  private boolean plausibleElement(int p, int end) {
    if (p + 8 > end) {
      return false;
    }
    long size = LittleEndian.u32(b, p, end);
    int nameOffset = LittleEndian.i32(b, p + 4, end);
    boolean nameOk =
        nameOffset == p + 8
            || (nameOffset >= Chunk.HEADER_SIZE
                && nameOffset < p
                && nameOffset + 8 <= chunk.length);
    return nameOk && size <= end - (p + 4);
  }

  private Node.Attr attribute(int end) {
    int nameOffset = LittleEndian.i32(b, pos + 1, end);
    int field = pos + 1;
    pos += 5;
    String name = name(field, nameOffset);
    List<Node> value = new ArrayList<>(1);
    while (pos < end) {
      int t = b[pos] & 0xBF;
      if (t != 0x05 && t != 0x0D && t != 0x0E && t != 0x08 && t != 0x09 && t != 0x07) {
        break;
      }
      value.add(valueToken(b[pos] & 0xFF, end));
    }
    return new Node.Attr(name, value.toArray(NO_NODES));
  }

  /**
   * The name at a chunk offset, read from the offset field at {@code field}. A name written inline
   * (offset = current position) is skipped over; otherwise it is a back-reference to a name written
   * earlier in the chunk.
   */
  private String name(int field, int offset) {
    if (offset < 0 || offset > chunk.length - 8) {
      throw damage("name offset 0x" + Integer.toHexString(offset) + " outside the chunk");
    }
    int count = LittleEndian.u16(b, offset + 6, chunk.length);
    String name = chunk.names.get(offset);
    if (name == null) {
      LittleEndian.check(offset + 8, 2 * count, chunk.length);
      name = Values.utf16(b, offset + 8, count);
      chunk.names.put(offset, name);
    }
    boolean inline = offset == pos;
    if (recording != null) {
      recording.name(field, offset, 8 + 2 * count, name, inline);
    }
    if (inline) {
      pos += 8 + 2 * count + 2;
    }
    return name;
  }

  /** The name at a chunk offset, or null where none can be read; the position stays. */
  String nameAt(int offset) {
    if (offset < 0 || offset > chunk.length - 8) {
      return null;
    }
    String name = chunk.names.get(offset);
    if (name == null) {
      int count = LittleEndian.u16(b, offset + 6, chunk.length);
      if (offset + 8 > chunk.length - 2 * count) {
        return null;
      }
      name = Values.utf16(b, offset + 8, count);
      chunk.names.put(offset, name);
    }
    return name;
  }

  private Node.Instance instance(int end, int depth, boolean reuse) {
    return instance(end, depth, reuse, null);
  }

  private Node.Instance instance(int end, int depth, boolean reuse, Node.Template kept) {
    if (recording != null) {
      recording.shareable = false; // refers to another template of this chunk
    }
    if (depth > MAX_DEPTH) {
      throw damage("templates nested deeper than " + MAX_DEPTH);
    }
    int at = pos;
    LittleEndian.check(at, 10, end);
    int definition = LittleEndian.i32(b, at + 6, end);
    pos = at + 10;
    Node.Template template;
    if (definition == pos) {
      long dataSize = LittleEndian.u32(b, pos + 20, end);
      if (dataSize > end - (pos + 24)) {
        throw damage("inline template definition larger than its record");
      }
      template = template(definition, depth);
      pos = definition + 24 + (int) dataSize;
    } else {
      template = template(definition, depth);
    }
    long count = LittleEndian.u32(b, pos, end);
    if (count > (end - pos - 4) / 4) {
      throw damage("template instance claims " + count + " values");
    }
    int n = (int) count;
    Node.Instance values =
        reuse && template != kept
            ? template.plans().values(template, n)
            : new Node.Instance(template, new byte[n], new int[n], new int[n]);
    pos = values(values, pos + 4, n, end);
    return values;
  }

  /**
   * Reads {@code n} value descriptors at {@code descriptors} and checks the values after them;
   * returns their end.
   */
  private int values(Node.Instance values, int descriptors, int n, int end) {
    int valueAt = descriptors + 4 * n;
    byte[] types = values.types();
    int[] offsets = values.at();
    int[] sizes = values.sizes();
    // The caller checked that the descriptors lie before the fragment end.
    for (int i = 0; i < n; i++) {
      int d = descriptors + 4 * i;
      int size = (b[d] & 0xFF) | (b[d + 1] & 0xFF) << 8;
      int type = b[d + 2] & 0xFF;
      if (size > end - valueAt
          || size < ValueType.fixedSize(type)
          || (type & 0x7F) == ValueType.SID) {
        Values.check(b, valueAt, size, type, end); // the rare value that may be damaged, and SIDs
      }
      types[i] = (byte) type;
      offsets[i] = valueAt;
      sizes[i] = size;
      valueAt += size;
    }
    return valueAt;
  }

  /** The compiled template defined at a chunk offset, compiling it on first use. */
  Node.Template template(int offset, int depth) {
    Node.Template cached = chunk.templates.get(offset);
    return cached != null ? cached : compile(offset, depth);
  }

  /**
   * Compiles the template at a chunk offset (first use in its chunk; kept apart from the record
   * path).
   */
  private Node.Template compile(int offset, int depth) {
    if (offset < Chunk.HEADER_SIZE || offset > chunk.length - 24) {
      throw damage("template offset 0x" + Integer.toHexString(offset) + " outside the chunk");
    }
    if (chunk.compiling.get(offset) != null) {
      throw damage("template at 0x" + Integer.toHexString(offset) + " refers to itself");
    }
    long dataSize = LittleEndian.u32(b, offset + 20, chunk.length);
    if (dataSize > chunk.length - (offset + 24)) {
      throw damage("template at 0x" + Integer.toHexString(offset) + " larger than the chunk");
    }
    int size = (int) dataSize;
    if (shared != null) {
      Node.Template known = shared.find(this, b, offset, size, depth);
      if (known != null) {
        chunk.templates.put(offset, known);
        return known;
      }
    }
    chunk.compiling.put(offset, Boolean.TRUE);
    TemplateCache.Recording outer = recording;
    TemplateCache.Recording own =
        shared != null ? new TemplateCache.Recording(offset, offset + 24 + size) : null;
    recording = own;
    try {
      Node.Template t =
          new Node.Template(
              offset, fragment(offset + 24, offset + 24 + size, depth), new TemplatePlan.Cache());
      chunk.templates.put(offset, t);
      if (own != null && own.shareable) {
        shared.add(b, offset, size, depth, own, t);
      }
      return t;
    } finally {
      recording = outer;
      chunk.compiling.put(offset, null);
    }
  }

  private DamageException damage(String message) {
    return new DamageException(pos, message);
  }
}
