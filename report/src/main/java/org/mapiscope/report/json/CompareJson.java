package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.mapiscope.report.compare.Comparison;

/**
 * Writes {@code compare --json}: docs/simulator.md keys ({@code total.before/after}, {@code
 * byUser[].user, before, after, causesBefore, causesAfter}, {@code improved}) plus additive per-day
 * rates, spans, peaks, the files compared, and the causes that appeared or disappeared.
 * Thread-safe.
 */
public final class CompareJson {

  private CompareJson() {}

  /**
   * Writes UTF-8 JSON; leaves {@code out} open.
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(Comparison c, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeObjectFieldStart("files");
    g.writeStringField("before", c.before());
    g.writeStringField("after", c.after());
    g.writeEndObject();
    g.writeFieldName("total");
    counts(g, c.total());
    g.writeArrayFieldStart("byUser");
    for (Comparison.UserChange u : c.byUser()) {
      g.writeStartObject();
      g.writeStringField("user", u.user());
      g.writeNumberField("before", u.counts().before());
      g.writeNumberField("after", u.counts().after());
      JsonOutput.number(g, "perDayBefore", u.counts().perDayBefore());
      JsonOutput.number(g, "perDayAfter", u.counts().perDayAfter());
      integer(g, "peakBefore", u.peakBefore());
      integer(g, "peakAfter", u.peakAfter());
      strings(g, "causesBefore", u.causesBefore());
      strings(g, "causesAfter", u.causesAfter());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "newCauses", c.newCauses());
    strings(g, "goneCauses", c.goneCauses());
    g.writeBooleanField("improved", c.improved());
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  private static void counts(JsonGenerator g, Comparison.Counts n) throws IOException {
    g.writeStartObject();
    g.writeNumberField("before", n.before());
    g.writeNumberField("after", n.after());
    g.writeNumberField("daysBefore", n.daysBefore());
    g.writeNumberField("daysAfter", n.daysAfter());
    JsonOutput.number(g, "perDayBefore", n.perDayBefore());
    JsonOutput.number(g, "perDayAfter", n.perDayAfter());
    g.writeEndObject();
  }

  private static void integer(JsonGenerator g, String field, Integer v) throws IOException {
    if (v == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, v);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }
}
