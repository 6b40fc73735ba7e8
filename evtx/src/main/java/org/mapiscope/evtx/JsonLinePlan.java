package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A record's JSON line for one template plan (one template, one shape of values), worked out once:
 * where each header field comes from (a value, a literal, or nowhere), and the data items as a short
 * program of pre-encoded heads and typed value writes. A record is then a few table reads and byte
 * copies instead of a walk through visitor calls.
 *
 * <p>The plan is made by running {@link JsonRecordWriter}'s rules over the template plan's calls with
 * symbolic values, so both give the same bytes ({@code JsonLinesTest} compares the JSON lines of every
 * sample with the records' JSON). Shapes those rules cannot settle ahead (text joined from several
 * parts, a record id that may not be a number, a non-FILETIME creation time) get no plan and take the
 * walk. Immutable once made.
 */
final class JsonLinePlan {

    /** Where a number or text of the header comes from. */
    private static final int ABSENT = 0;
    private static final int LITERAL = 1;
    /** A value of an integer type (or UInt64): always a number. */
    private static final int INTEGER = 2;
    /** A value of another type, read as a number the way {@link Slot#toLong} reads it (may be none). */
    private static final int OTHER = 3;
    /** A string value (text fields only). */
    private static final int STRING = 4;

    /** Data item value writes, chosen by the value's type when the plan is made. */
    private static final int V_NULL = 0;
    private static final int V_LITERAL = 1;
    private static final int V_STRING = 2;
    private static final int V_INTEGER = 3;
    private static final int V_FILETIME = 4;
    private static final int V_SID = 5;
    private static final int V_GUID = 6;
    private static final int V_BINARY = 7;
    /** Any other type, written as {@link Slot#writeJson} writes it. */
    private static final int V_OTHER = 8;

    /** Header fields, in line order where they are numbers. */
    private static final int EVENT_ID = 0;
    private static final int QUALIFIERS = 1;
    private static final int LEVEL = 2;
    private static final int TASK = 3;
    private static final int RECORD_ID = 4;
    private static final int NUMBERS = 5;
    private static final int PROVIDER = 0;
    private static final int CHANNEL = 1;
    private static final int COMPUTER = 2;
    private static final int TEXTS = 3;

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
    private static final byte[] NAME_KEY = ascii("{\"name\":");
    private static final byte[] VALUE_KEY = ascii(",\"value\":");
    private static final byte[] LINE_END = ascii("]}\n");
    private static final byte[] VALUE_HEAD = ascii("{\"value\":");

    /** Data item kinds. */
    private static final int ALWAYS = 0;
    /** Left out when the value has no content ({@link Slot#hasContent}). */
    private static final int IF_CONTENT = 1;
    /** One unnamed item per element of an array value. */
    private static final int ARRAY = 2;

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
     * Five ints per data item: its kind ({@link #ALWAYS}, {@link #IF_CONTENT}, {@link #ARRAY}), the literal
     * head (index in {@link #heads}, or -1 when the head is the name value {@code nameIndex}),
     * that name value, the value write and its operand (value index, or literal index).
     */
    private final int[] items;
    private final byte[][] heads;

    private JsonLinePlan(Compiler c) {
        for (int f = 0; f < NUMBERS; f++) {
            Sym n = c.numbers[f];
            numberIndex[f] = n.index;
            if (n.kind == Sym.EMPTY) {
                numberKind[f] = ABSENT;
            } else if (n.kind == Sym.TEXT) {
                Long l = RecordCollector.toLong(n.text);
                numberKind[f] = LITERAL;
                literalNull[f] = l == null;
                numberLiteral[f] = l == null ? 0 : l;
            } else {
                int type = c.types[n.index] & 0xFF;
                numberKind[f] = Values.isInteger(type) || type == ValueType.UINT64 ? INTEGER : OTHER;
            }
        }
        for (int f = 0; f < TEXTS; f++) {
            Sym t = c.texts[f];
            textIndex[f] = t.index;
            if (t.kind == Sym.EMPTY) {
                textKind[f] = ABSENT;
            } else if (t.kind == Sym.TEXT) {
                textKind[f] = LITERAL;
                textLiteral[f] = t.text;
                textJson[f] = jsonString(t.text);
            } else {
                textKind[f] = (c.types[t.index] & 0xFF) == ValueType.STRING ? STRING : OTHER;
            }
        }
        timeIndex = c.time;
        items = Arrays.copyOf(c.items, c.itemCount * 5);
        heads = c.heads.toArray(new byte[0][]);
    }

    /**
     * The plan for {@code plan}'s shape whose BinXml values (one per {@link TemplatePlan#valueWalks},
     * in order) have the plans {@code nested}, or {@code null} when its records take the walk. Values
     * are numbered as {@link Scratch#flatten} lays them out: the record's, then each BinXml value's.
     */
    static JsonLinePlan compile(TemplatePlan plan, TemplatePlan[] nested) {
        int elements = plan.elements();
        for (TemplatePlan n : nested) {
            elements += n.elements();
        }
        if (elements == 0) {
            return null; // the walk reports such a record as damaged
        }
        Compiler c = new Compiler(plan, nested);
        return c.run() ? new JsonLinePlan(c) : null;
    }

    /**
     * Appends the record's line to {@code out} when it passes the filters; returns whether it did.
     *
     * @param recordId the record header's id (EventRecordID, when present, wins)
     * @param scratch  owned by the calling thread
     */
    boolean write(byte[] b, byte[] types, int[] at, int[] sizes, long recordId, Integer eventIdFilter,
                  String providerFilter, ByteSink out, Scratch scratch) {
        long id = 0;
        boolean hasId = number(EVENT_ID, b, types, at, sizes, scratch);
        if (hasId) {
            id = scratch.number;
        }
        int lowId = (int) (id & 0xFFFF);
        if (eventIdFilter != null && lowId != eventIdFilter
                || providerFilter != null && !providerFilter.equalsIgnoreCase(providerText(b, types, at, sizes, scratch))) {
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
            FileTimes.writeIso7(out, Le.i64(b, t, t + sizes[timeIndex]));
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

    /**
     * What one decoding thread needs while writing lines: a slot for the rarer types, the last number
     * read, and the values of a record and its BinXml values laid end to end.
     */
    static final class Scratch {
        final Slot slot = new Slot();
        /** Set by {@link #number}, so reading a number needs no boxing. */
        long number;
        byte[] types = new byte[64];
        int[] at = new int[64];
        int[] sizes = new int[64];
        int count;
        final Items items = new Items();

        /** The elements of one array value. */
        static final class Items implements Values.ItemSink {
            int[] types = new int[16];
            int[] at = new int[16];
            int[] sizes = new int[16];
            int count;

            @Override
            public void item(int type, int at, int size) {
                if (count == types.length) {
                    types = Arrays.copyOf(types, 2 * count);
                    this.at = Arrays.copyOf(this.at, 2 * count);
                    sizes = Arrays.copyOf(sizes, 2 * count);
                }
                types[count] = type;
                this.at[count] = at;
                sizes[count++] = size;
            }
        }

        /** Starts the layout with a record's values. */
        void flatten(Node.Instance values) {
            count = 0;
            append(values);
        }

        /** Appends a BinXml value's values. */
        void append(Node.Instance values) {
            int n = values.types().length;
            if (count + n > types.length) {
                int size = Math.max(2 * types.length, count + n);
                types = Arrays.copyOf(types, size);
                at = Arrays.copyOf(at, size);
                sizes = Arrays.copyOf(sizes, size);
            }
            System.arraycopy(values.types(), 0, types, count, n);
            System.arraycopy(values.at(), 0, at, count, n);
            System.arraycopy(values.sizes(), 0, sizes, count, n);
            count += n;
        }
    }

    /** Reads number field {@code f} into {@code s.number}; returns false when the record has none. */
    private boolean number(int f, byte[] b, byte[] types, int[] at, int[] sizes, Scratch s) {
        switch (numberKind[f]) {
            case INTEGER -> {
                int i = numberIndex[f];
                int type = types[i] & 0xFF;
                s.number = type == ValueType.UINT64 ? Le.i64(b, at[i], at[i] + sizes[i])
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

    private void intOrNull(int f, byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, Scratch scratch) {
        if (number(f, b, types, at, sizes, scratch)) {
            out.number((int) scratch.number);
        } else {
            out.bytes(NULL);
        }
    }

    private void text(int f, byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, Scratch scratch) {
        int i = textIndex[f];
        switch (textKind[f]) {
            case STRING -> out.ascii('"').jsonUtf16(b, at[i], Values.utf16Length(b, at[i], sizes[i] / 2)).ascii('"');
            case LITERAL -> out.bytes(textJson[f]);
            case OTHER -> {
                scratch.slot.ref(types[i] & 0xFF, at[i], sizes[i]);
                scratch.slot.writeText(b, out);
            }
            default -> out.bytes(NULL);
        }
    }

    private String providerText(byte[] b, byte[] types, int[] at, int[] sizes, Scratch scratch) {
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
    private void data(byte[] b, byte[] types, int[] at, int[] sizes, ByteSink out, Scratch scratch) {
        int[] o = items;
        Scratch.Items array = scratch.items;
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
    private void value(int op, byte[] b, int type, int at, int size, ByteSink out, Scratch scratch) {
        switch (op) {
            case V_NULL -> out.bytes(NULL);
            case V_LITERAL -> out.bytes(heads[at]);
            case V_STRING -> out.ascii('"').jsonUtf16(b, at, Values.utf16Length(b, at, size / 2)).ascii('"');
            case V_INTEGER -> out.number(Values.integer(b, at, size, type));
            case V_FILETIME -> {
                out.ascii('"');
                FileTimes.writeIso7(out, Le.i64(b, at, at + size));
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

    private static int valueOp(int type) {
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

    private static byte[] jsonString(String s) {
        // Sized for plain text, the usual case, so building plans leaves buffer growth to real output.
        return new ByteSink(s.length() + 2).ascii('"').jsonChars(s).ascii('"').toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A value known when the plan is made: nothing, literal text, or value {@code index}. */
    private record Sym(int kind, String text, int index) {
        static final int EMPTY = 0;
        static final int TEXT = 1;
        static final int REF = 2;
        static final Sym NONE = new Sym(EMPTY, null, -1);

        static Sym text(String s) {
            return new Sym(TEXT, s, -1);
        }

        static Sym ref(int i) {
            return new Sym(REF, null, i);
        }
    }

    /**
     * Runs {@link JsonRecordWriter}'s rules over a template plan's calls, with its BinXml values'
     * calls spliced in where the walker would make them, on symbolic values.
     */
    private static final class Compiler {
        private final TemplatePlan plan;
        private final TemplatePlan[] nested;
        private int nextNested;
        final byte[] types;

        private int depth;
        private final boolean[] hasChild = new boolean[FragmentParser.MAX_DEPTH + 2];
        private int section;
        private Sym value = Sym.NONE;
        private Sym dataName = Sym.NONE;

        final Sym[] numbers = new Sym[NUMBERS];
        final Sym[] texts = new Sym[TEXTS];
        int time = -1;
        int[] items = new int[40];
        int itemCount;
        final List<byte[]> heads = new ArrayList<>();

        Compiler(TemplatePlan plan, TemplatePlan[] nested) {
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
            if (depth < hasChild.length) {
                hasChild[depth] = true;
            }
            depth++;
            if (depth < hasChild.length) {
                hasChild[depth] = false;
            }
            if (depth == 2) {
                section = name.section;
            }
            dataName = Sym.NONE;
            value = Sym.NONE;
            return true;
        }

        private boolean attribute(Name name, Sym v) {
            if (section == Name.SYSTEM && depth == 3) {
                switch (name.attribute) {
                    case Name.ATTR_NAME -> {
                        if (texts[PROVIDER].kind == Sym.EMPTY) {
                            texts[PROVIDER] = v;
                        }
                    }
                    case Name.ATTR_QUALIFIERS -> numbers[QUALIFIERS] = v;
                    case Name.ATTR_SYSTEM_TIME -> {
                        if (v.kind != Sym.REF || (types[v.index] & 0xFF) != ValueType.FILETIME) {
                            return false;
                        }
                        time = v.index;
                    }
                    default -> { }
                }
            } else if (section == Name.EVENT_DATA && depth == 3 && name.attribute == Name.ATTR_NAME) {
                dataName = v;
            }
            return true;
        }

        private boolean text(Sym v) {
            if (value.kind != Sym.EMPTY) {
                return false; // the writer would join the parts as text
            }
            value = v;
            return true;
        }

        private boolean end(Name name) {
            Sym v = value;
            boolean ok = true;
            if (section == Name.SYSTEM && depth == 3) {
                if (v.kind != Sym.EMPTY) {
                    ok = system(name.systemField, v);
                }
            } else if (section == Name.EVENT_DATA && depth >= 3) {
                if (name.data) {
                    dataItem(v);
                } else if (v.kind == Sym.REF) {
                    item(mayBeEmpty(v.index), head(name.itemHead), -1, v);
                } else if (v.kind == Sym.TEXT && !v.text.isEmpty()) {
                    item(false, head(name.itemHead), -1, v);
                }
            } else if (section == Name.USER_DATA && depth >= 3 && (depth >= hasChild.length || !hasChild[depth])) {
                item(false, head(name.itemHead), -1, v);
            }
            if (depth == 2) {
                section = 0;
            }
            depth--;
            dataName = Sym.NONE;
            value = Sym.NONE;
            return ok;
        }

        private boolean system(int field, Sym v) {
            switch (field) {
                case Name.EVENT_ID -> numbers[EVENT_ID] = v;
                case Name.LEVEL -> numbers[LEVEL] = v;
                case Name.TASK -> numbers[TASK] = v;
                case Name.EVENT_RECORD_ID -> {
                    // The header's id stays unless this reads as a number: settled here, or no plan.
                    if (v.kind == Sym.TEXT) {
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
                case Name.CHANNEL -> texts[CHANNEL] = v;
                case Name.COMPUTER -> texts[COMPUTER] = v;
                default -> { }
            }
            return true;
        }

        /** A classic {@code <Data>} item, named by its Name attribute when it has one. */
        private void dataItem(Sym v) {
            switch (dataName.kind) {
                case Sym.EMPTY -> item(false, head(VALUE_HEAD), -1, v);
                case Sym.TEXT -> {
                    byte[] name = jsonString(dataName.text);
                    item(false, head(new ByteSink(NAME_KEY.length + name.length + VALUE_KEY.length)
                            .bytes(NAME_KEY).bytes(name).bytes(VALUE_KEY).toByteArray()), -1, v);
                }
                default -> item(false, -1, dataName.index, v);
            }
        }

        /**
         * An element the walker repeats per array element: settled here for the classic unnamed
         * {@code <Data>} of EventData, one item per element whatever the count.
         */
        private boolean arrayElement(Node.Element e, int base) {
            Node[] children = e.children();
            if (section != Name.EVENT_DATA || depth != 2 || value.kind != Sym.EMPTY || dataName.kind != Sym.EMPTY
                    || !e.name().equals("Data") || e.attributes().length != 0 || children.length != 1
                    || !(children[0] instanceof Node.Substitution s)
                    || (types[base + s.index()] & ValueType.ARRAY) == 0) {
                return false;
            }
            // Each element leaves depth, section and the open value as they were; only UserData reads hasChild.
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
            if (v.kind == Sym.EMPTY) {
                op = V_NULL;
                x = 0;
            } else if (v.kind == Sym.TEXT) {
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
}
