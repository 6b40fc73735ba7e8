package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.mapiscope.report.TimeFormat;

/**
 * Opens pretty-printed UTF-8 generators that leave the caller's stream open (stdout for {@code
 * --json -}).
 */
final class JsonOutput {

  private JsonOutput() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  static JsonGenerator open(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    // LF everywhere so output is byte-identical across operating systems.
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    g.setPrettyPrinter(pretty);
    return g;
  }

  static void finish(JsonGenerator g, OutputStream out) throws IOException {
    g.flush();
    out.write('\n');
    out.flush();
  }

  static void time(JsonGenerator g, String field, Instant t) throws IOException {
    g.writeStringField(field, TimeFormat.instant(t));
  }

  static void stringOrNull(JsonGenerator g, String field, String s) throws IOException {
    g.writeStringField(field, s);
  }

  /** Finite doubles as numbers; NaN and infinities (not JSON) as null. */
  static void number(JsonGenerator g, String field, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(field, v);
    } else {
      g.writeNullField(field);
    }
  }
}
