package org.mapiscope.evtx;

import java.util.Arrays;

/**
 * A record's JSON line for one template plan (one template, one shape of values), worked out once:
 * where each header field comes from (a value, a literal, or nowhere), and the data items as a
 * short program of pre-encoded heads and typed value writes. A record is then a few table reads and
 * byte copies instead of a walk through visitor calls.
 *
 * <p>The plan is made by running {@link JsonRecordWriter}'s rules over the template plan's calls
 * with symbolic values ({@link JsonLinePlanner}), so both give the same bytes ({@code
 * JsonLinesTest} compares the JSON lines of every sample with the records' JSON, the fuzz target
 * any input). Shapes those rules cannot settle ahead (text joined from several parts, a record id
 * that may not be a number, a non-FILETIME creation time) get no plan and take the walk. Immutable
 * once made.
 */
final class JsonLinePlan {

  /** Where a number or text of the header comes from. */
  private static final int ABSENT = 0;

  private static final int LITERAL = 1;

  /** A value of an integer type (or UInt64): always a number. */
  private static final int INTEGER = 2;

  /**
   * A value of another type, read as a number the way {@link Slot#toLong} reads it (may be none).
   */
  private static final int OTHER = 3;

  /** A string value (text fields only). */
  private static final int STRING = 4;

  /** Data item value writes, chosen by the value's type when the plan is made. */
  static final int V_NULL = 0;

  static final int V_LITERAL = 1;
  private static final int V_STRING = 2;
  private static final int V_INTEGER = 3;
  private static final int V_FILETIME = 4;
  private static final int V_SID = 5;
  private static final int V_GUID = 6;
  private static final int V_BINARY = 7;

  /** Any other type, written as {@link Slot#writeJson} writes it. */
  private static final int V_OTHER = 8;

  /** Header fields, in line order where they are numbers. */
  static final int EVENT_ID = 0;

  static final int QUALIFIERS = 1;
  static final int LEVEL = 2;
  static final int TASK = 3;
  static final int RECORD_ID = 4;
  static final int NUMBERS = 5;
  static final int PROVIDER = 0;
  static final int CHANNEL = 1;
  static final int COMPUTER = 2;
  static final int TEXTS = 3;

  private static final byte[] NULL = ascii("null");
  private static final byte[] TIME_CREATED = ascii(",\"timeCreated\":");
  private static final byte[] EVENT_ID_KEY = ascii(",\"eventId\":");
  private static final byte[] QUALIFIERS_KEY = ascii(",\"qualifiers\":");
  private static final byte[] PROVIDER_KEY = ascii(",\"provider\":");
  private static final byte[] CHANNEL_KEY = ascii(",\"channel\":");
  private static final byte[] COMPUTER_KEY = ascii(",\"computer\":");
  private static final byte[] LEVEL_KEY = ascii(",\"level\":");
  private static final byte[] TASK_KEY = ascii(",\"task\":");
  private static final byte[] DATA_KEY = ascii(",\"data\":[");
  private static final byte[] RECORD_ID_KEY = ascii("{\"recordId\":");
  static final byte[] NAME_KEY = ascii("{\"name\":");
  static final byte[] VALUE_KEY = ascii(",\"value\":");
  private static final byte[] LINE_END = ascii("]}\n");
  static final byte[] VALUE_HEAD = ascii("{\"value\":");

  /** Data item kinds. */
  static final int ALWAYS = 0;

  /** Left out when the value has no content ({@link Slot#hasContent}). */
  static final int IF_CONTENT = 1;

  /** One unnamed item per element of an array value. */
  static final int ARRAY = 2;

  /** Per number field: source kind, value index, literal (null literal: {@link #literalNull}). */
  private final int[] numberKind = new int[NUMBERS];

  private final int[] numberIndex = new int[NUMBERS];
  private final long[] numberLiteral = new long[NUMBERS];
  private final boolean[] literalNull = new boolean[NUMBERS];

  /** Per text field: source kind, value index, literal text and its JSON string. */
  private final int[] textKind = new int[TEXTS];

  private final int[] textIndex = new int[TEXTS];
  private final String[] textLiteral = new String[TEXTS];
  private final byte[][] textJson = new byte[TEXTS][];

  /** The FILETIME value of {@code SystemTime}, or -1 for none. */
  private final int timeIndex;

  /**
   * Five ints per data item: its kind ({@link #ALWAYS}, {@link #IF_CONTENT}, {@link #ARRAY}), the
   * literal head (index in {@link #heads}, or -1 when the head is the name value {@code
   * nameIndex}), that name value, the value write and its operand (value index, or literal index).
   */
  private final int[] items;

  private final byte[][] heads;

  JsonLinePlan(JsonLinePlanner c) {
    for (int f = 0; f < NUMBERS; f++) {
      JsonLinePlanner.Sym n = c.numbers[f];
      numberIndex[f] = n.index();
      if (n.kind() == JsonLinePlanner.Sym.Kind.EMPTY) {
        numberKind[f] = ABSENT;
      } else if (n.kind() == JsonLinePlanner.Sym.Kind.TEXT) {
        Long l = RecordCollector.toLong(n.text());
        numberKind[f] = LITERAL;
        literalNull[f] = l == null;
        numberLiteral[f] = l == null ? 0 : l;
      } else {
        int type = c.types[n.index()] & 0xFF;
        numberKind[f] = Values.isInteger(type) || type == ValueType.UINT64 ? INTEGER : OTHER;
      }
    }
    for (int f = 0; f < TEXTS; f++) {
      JsonLinePlanner.Sym t = c.texts[f];
      textIndex[f] = t.index();
      if (t.kind() == JsonLinePlanner.Sym.Kind.EMPTY) {
        textKind[f] = ABSENT;
      } else if (t.kind() == JsonLinePlanner.Sym.Kind.TEXT) {
        textKind[f] = LITERAL;
        textLiteral[f] = t.text();
        textJson[f] = jsonString(t.text());
      } else {
        textKind[f] = (c.types[t.index()] & 0xFF) == ValueType.STRING ? STRING : OTHER;
      }
    }
    timeIndex = c.time;
    items = Arrays.copyOf(c.items, c.itemCount * 5);
    heads = c.heads.toArray(new byte[0][]);
  }

  /**
   * The plan for {@code plan}'s shape whose BinXml values (one per {@link TemplatePlan#valueWalks},
   * in order) have the plans {@code nested}, or {@code null} when its records take the walk. Values
   * are numbered as {@link LineScratch#flatten} lays them out: the record's, then each BinXml
   * value's.
   */
  static JsonLinePlan compile(TemplatePlan plan, TemplatePlan[] nested) {
    int elements = plan.elements();
    for (TemplatePlan n : nested) {
      elements += n.elements();
    }
    if (elements == 0) {
      return null; // the walk reports such a record as damaged
    }
    JsonLinePlanner c = new JsonLinePlanner(plan, nested);
    return c.run() ? new JsonLinePlan(c) : null;
  }

  /**
   * Appends the record's line to {@code out} when it passes the filters; returns whether it did.
   *
   * @param recordId the record header's id (EventRecordID, when present, wins)
   * @param scratch owned by the calling thread
   */
  boolean write(
      byte[] b,
      byte[] types,
      int[] at,
      int[] sizes,
      long recordId,
      Integer eventIdFilter,
      String providerFilter,
      ByteSink out,
      LineScratch scratch) {
    long id = 0;
    boolean hasId = number(EVENT_ID, b, types, at, sizes, scratch);
    if (hasId) {
      id = scratch.number;
    }
    int lowId = (int) (id & 0xFFFF);
    if (eventIdFilter != null && lowId != eventIdFilter
        || providerFilter != null
            && !providerFilter.equalsIgnoreCase(providerText(b, types, at, sizes, scratch))) {
      return false;
    }
    if (number(RECORD_ID, b, types, at, sizes, scratch)) {
      recordId = scratch.number;
    }
    out.bytes(RECORD_ID_KEY).number(recordId);
    out.bytes(TIME_CREATED);
    if (timeIndex >= 0) {
      int t = at[timeIndex];
      out.ascii('"');
      FileTimes.writeIso7(out, LittleEndian.i64(b, t, t + sizes[timeIndex]));
      out.ascii('"');
    } else {
      out.bytes(NULL);
    }
    out.bytes(EVENT_ID_KEY).number(lowId);
    out.bytes(QUALIFIERS_KEY);
    if (number(QUALIFIERS, b, types, at, sizes, scratch)) {
      out.number((int) scratch.number);
    } else if (id > 0xFFFF) {
      out.number((int) (id >>> 16) & 0xFFFF);
    } else {
      out.bytes(NULL);
    }
    out.bytes(PROVIDER_KEY);
    text(PROVIDER, b, types, at, sizes, out, scratch);
    out.bytes(CHANNEL_KEY);
    text(CHANNEL, b, types, at, sizes, out, scratch);
    out.bytes(COMPUTER_KEY);
    text(COMPUTER, b, types, at, sizes, out, scratch);
    out.bytes(LEVEL_KEY);
    intOrNull(LEVEL, b, types, at, sizes, out, scratch);
    out.bytes(TASK_KEY);
    intOrNull(TASK, b, types, at, sizes, out, scratch);
    out.bytes(DATA_KEY);
    data(b, types, at, sizes, out, scratch);
    out.bytes(LINE_END);
    return true;
  }

  /** Reads number field {@code f} into {@code s.number}; returns false when the record has none. */
  private boolean number(int f, byte[] b, byte[] types, int[] at, int[] sizes, LineScratch s) {
    switch (numberKind[f]) {
      case INTEGER -> {
        int i = numberIndex[f];
        int type = types[i] & 0xFF;
        s.number =
            type == ValueType.UINT64
                ? LittleEndian.i64(b, at[i], at[i] + sizes[i])
                : Values.integer(b, at[i], sizes[i], type);
        return true;
      }
      case LITERAL -> {
        s.number = numberLiteral[f];
        return !literalNull[f];
      }
      case OTHER -> {
        int i = numberIndex[f];
        s.slot.ref(types[i] & 0xFF, at[i], sizes[i]);
        Long l = s.slot.toLong(b);
        s.number = l == null ? 0 : l;
        return l != null;
      }
      default -> {
        return false;
      }
    }
  }

  private void intOrNull(
      int f, byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, LineScratch scratch) {
    if (number(f, b, types, at, sizes, scratch)) {
      out.number((int) scratch.number);
    } else {
      out.bytes(NULL);
    }
  }

  private void text(
      int f, byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, LineScratch scratch) {
    int i = textIndex[f];
    switch (textKind[f]) {
      case STRING ->
          out.ascii('"').jsonUtf16(b, at[i], Values.utf16Length(b, at[i], sizes[i] / 2)).ascii('"');
      case LITERAL -> out.bytes(textJson[f]);
      case OTHER -> {
        scratch.slot.ref(types[i] & 0xFF, at[i], sizes[i]);
        scratch.slot.writeText(b, out);
      }
      default -> out.bytes(NULL);
    }
  }

  private String providerText(byte[] b, byte[] types, int[] at, int[] sizes, LineScratch scratch) {
    int i = textIndex[PROVIDER];
    switch (textKind[PROVIDER]) {
      case LITERAL -> {
        return textLiteral[PROVIDER];
      }
      case ABSENT -> {
        return null;
      }
      default -> {
        scratch.slot.ref(types[i] & 0xFF, at[i], sizes[i]);
        return scratch.slot.asText(b);
      }
    }
  }

  /**
   * The data items. An array item (a classic {@code <Data>} holding an array value) stands for one
   * unnamed item per array element, as the walker repeats the element; they go through the same
   * single write below, which keeps the compiled loop small.
   */
  private void data(
      byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, LineScratch scratch) {
    int[] o = items;
    LineScratch.Items array = scratch.items;
    array.count = 0;
    int next = 0;
    int written = 0;
    int k = -5;
    while (true) {
      int op;
      int type;
      int a;
      int size;
      byte[] head;
      int named = -1;
      if (next < array.count) {
        type = array.types[next];
        a = array.at[next];
        size = array.sizes[next++];
        op = Values.isNull(b, a, size, type) ? V_NULL : valueOp(type);
        head = VALUE_HEAD;
      } else {
        k += 5;
        if (k >= o.length) {
          return;
        }
        int kind = o[k];
        int x = o[k + 4];
        if (kind == ARRAY) {
          array.count = 0;
          next = 0;
          Values.forEachItem(b, at[x], sizes[x], types[x] & 0xFF & ~ValueType.ARRAY, array);
          continue;
        }
        op = o[k + 3];
        type = op == V_NULL || op == V_LITERAL ? 0 : types[x] & 0xFF;
        a = op == V_NULL || op == V_LITERAL ? x : at[x];
        size = op == V_NULL || op == V_LITERAL ? 0 : sizes[x];
        if (kind == IF_CONTENT) {
          scratch.slot.ref(type, a, size);
          if (!scratch.slot.hasContent(b)) {
            continue;
          }
        }
        int h = o[k + 1];
        head = h >= 0 ? heads[h] : null;
        named = o[k + 2];
      }
      if (written++ > 0) {
        out.ascii(',');
      }
      if (head != null) {
        out.bytes(head);
      } else {
        out.bytes(NAME_KEY);
        scratch.slot.ref(types[named] & 0xFF, at[named], sizes[named]);
        scratch.slot.writeText(b, out);
        out.bytes(VALUE_KEY);
      }
      value(op, b, type, a, size, out, scratch);
      out.ascii('}');
    }
  }

  /** One value of a type known to the plan, as {@link Slot#writeJson} writes it. */
  private void value(
      int op, byte[] b, int type, int at, int size, ByteSink out, LineScratch scratch) {
    switch (op) {
      case V_NULL -> out.bytes(NULL);
      case V_LITERAL -> out.bytes(heads[at]);
      case V_STRING ->
          out.ascii('"').jsonUtf16(b, at, Values.utf16Length(b, at, size / 2)).ascii('"');
      case V_INTEGER -> out.number(Values.integer(b, at, size, type));
      case V_FILETIME -> {
        out.ascii('"');
        FileTimes.writeIso7(out, LittleEndian.i64(b, at, at + size));
        out.ascii('"');
      }
      case V_SID -> {
        out.ascii('"');
        Values.writeSid(b, at, at + size, out);
        out.ascii('"');
      }
      case V_GUID -> Slot.writeGuid(b, at, out);
      case V_BINARY -> out.ascii('"').hexUpper(b, at, size).ascii('"');
      default -> {
        scratch.slot.ref(type, at, size);
        scratch.slot.writeJson(b, out);
      }
    }
  }

  static int valueOp(int type) {
    if (type == ValueType.STRING) {
      return V_STRING;
    }
    if (Values.isInteger(type)) {
      return V_INTEGER;
    }
    return switch (type) {
      case ValueType.FILETIME -> V_FILETIME;
      case ValueType.SID -> V_SID;
      case ValueType.GUID -> V_GUID;
      default -> Values.isBytes(type) ? V_BINARY : V_OTHER;
    };
  }

  static byte[] jsonString(String s) {
    // Sized for plain text, the usual case, so building plans leaves buffer growth to real output.
    return new ByteSink(s.length() + 2).ascii('"').jsonChars(s).ascii('"').toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
