package org.mapiscope.evtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TemplatePlan} compiled for {@link JsonRecordWriter}: the writer's decisions (which
 * section an element is in, whether it is a System field or a data item, its name) are taken once
 * per shape of values, so a record is a loop that copies values out of the chunk between byte runs
 * encoded in advance ({@code {"name":"SubjectUserSid","value":}). Plans with anything the writer
 * decides from the bytes beyond emptiness (elements left to the walker, text joined from several
 * parts, references, CDATA) get no program and are replayed as visitor calls.
 */
final class JsonProgram {

    static final int PROVIDER = 0;
    static final int QUALIFIERS = 1;
    static final int SYSTEM_TIME = 2;
    static final int EVENT_ID = 3;
    static final int LEVEL = 4;
    static final int TASK = 5;
    static final int RECORD_ID = 6;
    static final int CHANNEL = 7;
    static final int COMPUTER = 8;
    /** A data item: operands are the item's head bytes and its value source. */
    static final int ITEM = 9;
    /** A data item written only when its value has content (optional EventData elements). */
    static final int ITEM_IF_CONTENT = 10;
    /** A data item named by a substituted Name attribute: operands are the name's and the value's sources. */
    static final int ITEM_NAMED_BY_VALUE = 11;

    /** A source with nothing in it. */
    static final int EMPTY = Integer.MIN_VALUE;

    /** Three ints per step: code and two operands. A source {@code >= 0} is a value index, else literal {@code -1 - i}. */
    final int[] ops;
    final String[] literals;
    final byte[][] heads;

    private JsonProgram(int[] ops, String[] literals, byte[][] heads) {
        this.ops = ops;
        this.literals = literals;
        this.heads = heads;
    }

    /** The program of a plan's calls (as {@link TemplatePlan} lists them), or {@code null} when the writer must see the calls. */
    static JsonProgram compile(int[] planOps, String[] planStrings) {
        return new Compiler(planStrings).run(planOps);
    }

    /** Mirrors {@link JsonRecordWriter}'s state machine over a list of calls known in advance. */
    private static final class Compiler {
        private static final byte[] VALUE_HEAD = "{\"value\":".getBytes(StandardCharsets.US_ASCII);

        private final String[] strings;
        private final List<Integer> ops = new ArrayList<>();
        private final List<String> literals = new ArrayList<>();
        private final List<byte[]> heads = new ArrayList<>();
        private final boolean[] hasChild = new boolean[FragmentParser.MAX_DEPTH + 2];
        private int depth;
        private int section;
        /** The innermost open element's value since the last start or end: EMPTY, or one source. */
        private int value = EMPTY;
        private int dataName = EMPTY;

        Compiler(String[] strings) {
            this.strings = strings;
        }

        JsonProgram run(int[] planOps) {
            for (int k = 0; k < planOps.length; k += 3) {
                int x = planOps[k + 1];
                int y = planOps[k + 2];
                boolean ok = switch (planOps[k]) {
                    case TemplatePlan.START -> start(strings[x]);
                    case TemplatePlan.END -> end(strings[x]);
                    case TemplatePlan.ATTR_VALUE -> attribute(strings[x], y);
                    case TemplatePlan.ATTR_TEXT -> attribute(strings[x], literal(strings[y]));
                    case TemplatePlan.TEXT_VALUE -> text(x);
                    case TemplatePlan.TEXT -> text(literal(strings[x]));
                    case TemplatePlan.PI -> true;
                    default -> false;
                };
                if (!ok) {
                    return null;
                }
            }
            int[] out = new int[ops.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ops.get(i);
            }
            return new JsonProgram(out, literals.toArray(new String[0]), heads.toArray(new byte[0][]));
        }

        private boolean start(String name) {
            if (depth < hasChild.length) {
                hasChild[depth] = true;
            }
            depth++;
            if (depth < hasChild.length) {
                hasChild[depth] = false;
            }
            if (depth == 2) {
                section = switch (name) {
                    case "System" -> 1;
                    case "EventData" -> 2;
                    case "UserData" -> 3;
                    default -> 0;
                };
            }
            dataName = EMPTY;
            value = EMPTY;
            return true;
        }

        private boolean attribute(String name, int source) {
            if (section == 1 && depth == 3) {
                switch (name) {
                    case "Name" -> op(PROVIDER, source, 0);
                    case "Qualifiers" -> op(QUALIFIERS, source, 0);
                    case "SystemTime" -> op(SYSTEM_TIME, source, 0);
                    default -> { }
                }
            } else if (section == 2 && depth == 3 && name.equals("Name")) {
                dataName = source;
            }
            return true;
        }

        private boolean text(int source) {
            if (value != EMPTY) {
                return false; // joined text: left to the writer
            }
            value = source;
            return true;
        }

        private boolean end(String name) {
            int v = value;
            if (section == 1 && depth == 3) {
                if (v != EMPTY) {
                    switch (name) {
                        case "EventID" -> op(EVENT_ID, v, 0);
                        case "Level" -> op(LEVEL, v, 0);
                        case "Task" -> op(TASK, v, 0);
                        case "EventRecordID" -> op(RECORD_ID, v, 0);
                        case "Channel" -> op(CHANNEL, v, 0);
                        case "Computer" -> op(COMPUTER, v, 0);
                        default -> { }
                    }
                }
            } else if (section == 2 && depth >= 3) {
                if (name.equals("Data")) {
                    if (dataName >= 0) {
                        op(ITEM_NAMED_BY_VALUE, dataName, v);
                    } else {
                        op(ITEM, head(dataName == EMPTY ? null : literals.get(-1 - dataName)), v);
                    }
                } else if (v >= 0) {
                    op(ITEM_IF_CONTENT, head(name), v);
                } else if (v != EMPTY && !literals.get(-1 - v).isEmpty()) {
                    op(ITEM, head(name), v);
                }
            } else if (section == 3 && depth >= 3 && (depth >= hasChild.length || !hasChild[depth])) {
                op(ITEM, head(name), v);
            }
            if (depth == 2) {
                section = 0;
            }
            depth--;
            dataName = EMPTY;
            value = EMPTY;
            return true;
        }

        /** {@code {"name":"…","value":} for a named item, {@code {"value":} for an unnamed one. */
        private int head(String name) {
            if (name == null) {
                heads.add(VALUE_HEAD);
            } else {
                ByteSink s = new ByteSink(32);
                s.ascii("{\"name\":\"").jsonChars(name).ascii("\",\"value\":");
                heads.add(s.toByteArray());
            }
            return heads.size() - 1;
        }

        private int literal(String s) {
            literals.add(s);
            return -literals.size();
        }

        private void op(int code, int x, int y) {
            ops.add(code);
            ops.add(x);
            ops.add(y);
        }
    }
}
