package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.mapiscope.sim.whatif.UserWhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;

/**
 * Writes {@code whatif --json}: docs/simulator.md keys ({@code
 * settings.keepAliveTimeMs/sessionLimit}, {@code total.observed/predicted}, {@code
 * byUser[].user/observed/predicted}, {@code minimalLimit}) plus failed connects, attempts, the
 * keepalive probe settings and each user's minimal limit. Thread-safe.
 */
public final class WhatIfJson {

  private WhatIfJson() {}

  /**
   * Writes UTF-8 JSON; leaves {@code out} open.
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(WhatIfResult r, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeObjectFieldStart("settings");
    g.writeNumberField("keepAliveTimeMs", r.settings().keepAliveTimeMs());
    g.writeNumberField("sessionLimit", r.settings().sessionLimit());
    g.writeNumberField("keepAliveIntervalMs", r.settings().keepAliveIntervalMs());
    g.writeNumberField("keepAliveProbes", r.settings().keepAliveProbes());
    g.writeEndObject();
    g.writeObjectFieldStart("total");
    g.writeNumberField("observed", r.total().observed());
    g.writeNumberField("predicted", r.total().predicted());
    g.writeNumberField("observedFailedConnects", r.total().observedFailedConnects());
    g.writeNumberField("predictedFailedConnects", r.total().predictedFailedConnects());
    g.writeNumberField("attempts", r.total().attempts());
    g.writeEndObject();
    g.writeArrayFieldStart("byUser");
    for (UserWhatIf u : r.byUser()) {
      g.writeStartObject();
      g.writeStringField("user", u.user());
      g.writeNumberField("observed", u.observed());
      g.writeNumberField("predicted", u.predicted());
      g.writeNumberField("observedFailedConnects", u.observedFailedConnects());
      g.writeNumberField("predictedFailedConnects", u.predictedFailedConnects());
      g.writeNumberField("attempts", u.attempts());
      g.writeNumberField("minimalLimit", u.minimalLimit());
      JsonOutput.stringOrNull(g, "note", u.note());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("minimalLimit", r.minimalLimit());
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }
}
