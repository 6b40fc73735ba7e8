package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import org.mapiscope.analysis.FindingFacts;
import org.mapiscope.report.TimeFormat;

/**
 * Writes a finding's typed facts as {@code facts}: {@code kind} (the record's name) and each
 * component under its own name — the records are the schema, so a new fact needs no writer change.
 */
final class FactsJson {

  private FactsJson() {}

  static void write(JsonGenerator g, FindingFacts facts) throws IOException {
    if (facts == null) {
      return;
    }
    g.writeObjectFieldStart("facts");
    g.writeStringField("kind", facts.getClass().getSimpleName());
    components(g, (Record) facts); // every permitted FindingFacts is a record
    g.writeEndObject();
  }

  private static void components(JsonGenerator g, Record r) throws IOException {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      g.writeFieldName(c.getName());
      value(g, read(c, r));
    }
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Instant t) {
      g.writeString(TimeFormat.instant(t));
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Record nested) {
      g.writeStartObject();
      components(g, nested);
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }
}
