package org.mapiscope.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * JSON lines for event records: one object per record with {@code recordId}, {@code timeCreated}
 * (ISO-8601 UTC, seven fraction digits), {@code eventId} (low 16 bits), {@code qualifiers}, {@code
 * provider}, {@code channel}, {@code computer}, {@code level}, {@code task} and {@code data}, an
 * ordered list of {@code {"name"?, "value"}} (name left out for unnamed classic {@code <Data>}).
 * Binary values are hex strings, GUIDs canonical strings, times ISO strings, arrays JSON arrays.
 * Stateless and thread-safe.
 */
public final class EvtxJson {

  private EvtxJson() {}

  /** One record as a JSON object (no trailing newline). */
  public static String toJson(EventRecord record) {
    ByteSink sink = new ByteSink(512);
    write(record, sink);
    return new String(sink.toByteArray(), StandardCharsets.UTF_8);
  }

  /** The records as JSON lines, UTF-8, each line ending in {@code \n}. */
  public static byte[] toJsonLines(List<EventRecord> records) {
    ByteSink sink = new ByteSink(records.size() * 512);
    for (EventRecord r : records) {
      write(r, sink);
      sink.ascii('\n');
    }
    return sink.toByteArray();
  }

  /**
   * Writes one record as a JSON line to {@code out}.
   *
   * @throws IOException from {@code out}
   */
  public static void writeLine(EventRecord record, OutputStream out) throws IOException {
    ByteSink sink = new ByteSink(512);
    write(record, sink);
    sink.ascii('\n');
    sink.writeTo(out);
  }

  static void write(EventRecord r, ByteSink out) {
    out.ascii("{\"recordId\":").number(r.recordId());
    out.ascii(",\"timeCreated\":");
    time(r.timeCreated(), out);
    out.ascii(",\"eventId\":").number(r.eventId());
    out.ascii(",\"qualifiers\":");
    integer(r.qualifiers(), out);
    out.ascii(",\"provider\":");
    string(r.provider(), out);
    out.ascii(",\"channel\":");
    string(r.channel(), out);
    out.ascii(",\"computer\":");
    string(r.computer(), out);
    out.ascii(",\"level\":");
    integer(r.level(), out);
    out.ascii(",\"task\":");
    integer(r.task(), out);
    out.ascii(",\"data\":[");
    List<DataItem> data = r.data();
    for (int i = 0; i < data.size(); i++) {
      if (i > 0) {
        out.ascii(',');
      }
      DataItem item = data.get(i);
      out.ascii('{');
      if (item.name() != null) {
        out.ascii("\"name\":");
        string(item.name(), out);
        out.ascii(',');
      }
      out.ascii("\"value\":");
      value(item.value(), out);
      out.ascii('}');
    }
    out.ascii("]}");
  }

  static void value(Object v, ByteSink out) {
    if (v == null) {
      out.ascii("null");
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Long l) {
      out.number(l);
    } else if (v instanceof Integer i) {
      out.number(i);
    } else if (v instanceof BigInteger big) {
      out.ascii(big.toString());
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        string(d.toString(), out);
      } else {
        out.ascii(d.toString());
      }
    } else if (v instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else if (v instanceof byte[] bytes) {
      StringBuilder sb = new StringBuilder(bytes.length * 2);
      ValueText.hexBytes(sb, bytes);
      out.ascii('"').ascii(sb.toString()).ascii('"');
    } else if (v instanceof UUID u) {
      out.ascii('"').ascii(u.toString()).ascii('"');
    } else if (v instanceof Instant t) {
      time(t, out);
    } else if (v instanceof List<?> list) {
      out.ascii('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.ascii(',');
        }
        value(list.get(i), out);
      }
      out.ascii(']');
    } else {
      string(v.toString(), out);
    }
  }

  static void time(Instant t, ByteSink out) {
    if (t == null) {
      out.ascii("null");
    } else {
      out.ascii('"');
      FileTimes.writeIso7(out, t.getEpochSecond(), t.getNano());
      out.ascii('"');
    }
  }

  static void integer(Integer v, ByteSink out) {
    if (v == null) {
      out.ascii("null");
    } else {
      out.number(v);
    }
  }

  private static void string(String s, ByteSink out) {
    if (s == null) {
      out.ascii("null");
    } else {
      out.ascii('"').jsonChars(s).ascii('"');
    }
  }
}
