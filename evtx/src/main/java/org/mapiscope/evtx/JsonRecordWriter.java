package org.mapiscope.evtx;

import java.time.Instant;

/**
 * Writes one record as a JSON line straight from the chunk bytes: the bytes {@link EvtxJson}
 * writes for the {@link EventRecord} that {@link RecordCollector} would build, without building
 * it. It follows RecordCollector's rules step for step, so change both together
 * ({@code JsonLinesTest} compares the two on every sample). Reused record after record by one thread.
 */
final class JsonRecordWriter implements RawVisitor {

    private static final int SYSTEM = 1;
    private static final int EVENT_DATA = 2;
    private static final int USER_DATA = 3;

    private final Integer eventIdFilter;
    private final String providerFilter;
    private byte[] b;

    private int depth;
    private final boolean[] hasChild = new boolean[FragmentParser.MAX_DEPTH + 2];
    private int section;
    /** Value of the innermost open element: first value, turned into text if more follow. */
    private final Slot value = new Slot();
    private final StringBuilder joined = new StringBuilder();
    private boolean joining;
    private final Slot dataName = new Slot();
    private final Slot ended = new Slot();

    private long recordId;
    private Long eventId;
    private Integer qualifiers;
    private Integer level;
    private Integer task;
    private boolean timeIsFileTime;
    private long timeFileTime;
    private Instant time;
    private final Slot provider = new Slot();
    private final Slot channel = new Slot();
    private final Slot computer = new Slot();
    private final ByteSink data = new ByteSink(4096);
    private int items;

    JsonRecordWriter(Integer eventIdFilter, String providerFilter) {
        this.eventIdFilter = eventIdFilter;
        this.providerFilter = providerFilter;
    }

    void begin(long recordId) {
        this.recordId = recordId;
        depth = 0;
        section = 0;
        eventId = null;
        qualifiers = level = task = null;
        timeIsFileTime = false;
        time = null;
        provider.clear();
        channel.clear();
        computer.clear();
        data.reset();
        items = 0;
        dataName.clear();
        clearValue();
    }

    /** Appends the record's JSON line to {@code out} when it passes the filters. */
    void finish(ByteSink out) {
        long id = eventId == null ? 0 : eventId;
        Integer q = qualifiers;
        if (q == null && id > 0xFFFF) {
            q = (int) (id >>> 16) & 0xFFFF;
        }
        int lowId = (int) (id & 0xFFFF);
        if (eventIdFilter != null && lowId != eventIdFilter
                || providerFilter != null && !providerFilter.equalsIgnoreCase(provider.asText(b))) {
            return;
        }
        out.ascii("{\"recordId\":").number(recordId);
        out.ascii(",\"timeCreated\":");
        if (timeIsFileTime) {
            out.ascii('"');
            FileTimes.writeIso7(out, timeFileTime);
            out.ascii('"');
        } else {
            EvtxJson.time(time, out);
        }
        out.ascii(",\"eventId\":").number(lowId);
        out.ascii(",\"qualifiers\":");
        EvtxJson.integer(q, out);
        out.ascii(",\"provider\":");
        provider.writeText(b, out);
        out.ascii(",\"channel\":");
        channel.writeText(b, out);
        out.ascii(",\"computer\":");
        computer.writeText(b, out);
        out.ascii(",\"level\":");
        EvtxJson.integer(level, out);
        out.ascii(",\"task\":");
        EvtxJson.integer(task, out);
        out.ascii(",\"data\":[").append(data).ascii("]}\n");
    }

    @Override
    public boolean replay(TemplatePlan plan, Node.Instance values) {
        JsonProgram p = plan.json();
        if (p == null) {
            return false;
        }
        int[] o = p.ops;
        for (int k = 0; k < o.length; k += 3) {
            int x = o[k + 1];
            int y = o[k + 2];
            switch (o[k]) {
                case JsonProgram.PROVIDER -> {
                    if (provider.isEmpty()) {
                        load(provider, x, p, values);
                    }
                }
                case JsonProgram.QUALIFIERS -> qualifiers = toInt(load(ended, x, p, values).toLong(b));
                case JsonProgram.SYSTEM_TIME -> systemTime(load(ended, x, p, values));
                case JsonProgram.EVENT_ID -> eventId = load(ended, x, p, values).toLong(b);
                case JsonProgram.LEVEL -> level = toInt(load(ended, x, p, values).toLong(b));
                case JsonProgram.TASK -> task = toInt(load(ended, x, p, values).toLong(b));
                case JsonProgram.RECORD_ID -> {
                    Long id = load(ended, x, p, values).toLong(b);
                    if (id != null) {
                        recordId = id;
                    }
                }
                case JsonProgram.CHANNEL -> load(channel, x, p, values);
                case JsonProgram.COMPUTER -> load(computer, x, p, values);
                case JsonProgram.ITEM -> item(p.heads[x], y, p, values);
                case JsonProgram.ITEM_IF_CONTENT -> {
                    if (load(ended, y, p, values).hasContent(b)) {
                        item(p.heads[x], y, p, values);
                    }
                }
                default -> {
                    if (items++ > 0) {
                        data.ascii(',');
                    }
                    data.ascii("{\"name\":");
                    load(dataName, x, p, values).writeText(b, data);
                    data.ascii(",\"value\":");
                    itemValue(y, p, values);
                }
            }
        }
        return true;
    }

    /** A data item from a program: its encoded head ({@code {"name":…,"value":}), value and close. */
    private void item(byte[] head, int source, JsonProgram p, Node.Instance values) {
        if (items++ > 0) {
            data.ascii(',');
        }
        data.bytes(head);
        itemValue(source, p, values);
    }

    private void itemValue(int source, JsonProgram p, Node.Instance values) {
        if (source == JsonProgram.EMPTY) {
            data.ascii("null");
        } else {
            load(ended, source, p, values).writeJson(b, data);
        }
        data.ascii('}');
    }

    /** Puts a program's value source (a value index, or a literal) into {@code s}. */
    private static Slot load(Slot s, int source, JsonProgram p, Node.Instance values) {
        if (source >= 0) {
            s.ref(values.types()[source] & 0xFF, values.at()[source], values.sizes()[source]);
        } else {
            s.text(p.literals[-1 - source]);
        }
        return s;
    }

    @Override
    public void chunk(byte[] bytes, int length) {
        this.b = bytes;
    }

    @Override
    public void startElement(String name) {
        if (depth < hasChild.length) {
            hasChild[depth] = true;
        }
        depth++;
        if (depth < hasChild.length) {
            hasChild[depth] = false;
        }
        if (depth == 2) {
            section = switch (name) {
                case "System" -> SYSTEM;
                case "EventData" -> EVENT_DATA;
                case "UserData" -> USER_DATA;
                default -> 0;
            };
        }
        dataName.clear();
        clearValue();
    }

    @Override
    public void attribute(String name, int type, int at, int size) {
        ended.ref(type, at, size);
        attribute(name, ended);
    }

    @Override
    public void attribute(String name, String text) {
        ended.text(text);
        attribute(name, ended);
    }

    private void attribute(String name, Slot v) {
        if (section == SYSTEM && depth == 3) {
            switch (name) {
                case "Name" -> {
                    if (provider.isEmpty()) {
                        provider.copy(v);
                    }
                }
                case "Qualifiers" -> qualifiers = toInt(v.toLong(b));
                case "SystemTime" -> systemTime(v);
                default -> { }
            }
        } else if (section == EVENT_DATA && depth == 3 && name.equals("Name")) {
            dataName.copy(v);
        }
    }

    private void systemTime(Slot v) {
        if (v.isRef() && v.type == ValueType.FILETIME) {
            timeIsFileTime = true;
            timeFileTime = Le.i64(b, v.at, v.at + v.size);
            return;
        }
        Object decoded = v.decode(b);
        timeIsFileTime = false;
        time = decoded instanceof Instant t ? t : FileTimes.parseIso(ValueText.of(v.type, decoded));
    }

    @Override
    public void text(int type, int at, int size) {
        if (value.isEmpty() && !joining) {
            value.ref(type, at, size);
        } else {
            appendText(ValueText.of(type, Values.decode(b, at, size, type, b.length)));
        }
    }

    @Override
    public void text(String literal) {
        if (value.isEmpty() && !joining) {
            value.text(literal);
        } else {
            appendText(literal);
        }
    }

    @Override
    public void charRef(int code) {
        appendText(new String(Character.toChars(code >= 0 && code <= Character.MAX_CODE_POINT ? code : 0xFFFD)));
    }

    @Override
    public void entityRef(String name) {
        appendText(ValueText.entity(name));
    }

    @Override
    public void cdata(String text) {
        appendText(text);
    }

    @Override
    public void processingInstruction(String target, String data) {
        // Not part of the record's values.
    }

    @Override
    public void endElement(String name) {
        Slot v = value;
        if (joining) {
            ended.text(joined.toString());
            v = ended;
        }
        if (section == SYSTEM && depth == 3) {
            system(name, v);
        } else if (section == EVENT_DATA && depth >= 3) {
            if (name.equals("Data")) {
                item(null, v);
            } else if (v.hasContent(b)) {
                item(name, v);
            }
        } else if (section == USER_DATA && depth >= 3 && (depth >= hasChild.length || !hasChild[depth])) {
            item(name, v);
        }
        if (depth == 2) {
            section = 0;
        }
        depth--;
        dataName.clear();
        clearValue();
    }

    private void system(String name, Slot v) {
        if (v.isEmpty()) {
            return;
        }
        switch (name) {
            case "EventID" -> eventId = v.toLong(b);
            case "Level" -> level = toInt(v.toLong(b));
            case "Task" -> task = toInt(v.toLong(b));
            case "EventRecordID" -> {
                Long id = v.toLong(b);
                if (id != null) {
                    recordId = id;
                }
            }
            case "Channel" -> channel.copy(v);
            case "Computer" -> computer.copy(v);
            default -> { }
        }
    }

    /** One data item: named by {@code elementName}, or by the Data element's Name attribute when null. */
    private void item(String elementName, Slot v) {
        if (items++ > 0) {
            data.ascii(',');
        }
        data.ascii('{');
        if (elementName != null) {
            data.ascii("\"name\":").ascii('"').jsonChars(elementName).ascii('"').ascii(',');
        } else if (!dataName.isEmpty()) {
            data.ascii("\"name\":");
            dataName.writeText(b, data);
            data.ascii(',');
        }
        data.ascii("\"value\":");
        if (v.isEmpty()) {
            data.ascii("null");
        } else {
            v.writeJson(b, data);
        }
        data.ascii('}');
    }

    private void appendText(String s) {
        if (!joining) {
            joining = true;
            joined.setLength(0);
            if (!value.isEmpty()) {
                ValueText.append(joined, value.type, value.decode(b));
            }
            value.clear();
        }
        joined.append(s);
    }

    private void clearValue() {
        value.clear();
        joining = false;
    }

    private static Integer toInt(Long l) {
        return l == null ? null : (int) l.longValue();
    }
}
