package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.mapiscope.sim.PeakPerUser;
import org.mapiscope.sim.PopulationResult;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.TimeBucket;

/**
 * Writes {@code simulate --json}: the docs/simulator.md keys ({@code attempts, rejected,
 * rejectionRate, events9646, usersAffected, peakPerUser, byPopulation}) plus additive extras (mean
 * concurrency, sessions open at the end, engine events, the time series). Thread-safe.
 */
public final class SimulateJson {

  private SimulateJson() {}

  /**
   * Writes UTF-8 JSON; leaves {@code out} open.
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(SimulationResult r, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    counters(
        g,
        r.attempts(),
        r.rejected(),
        r.rejectionRate(),
        r.events9646(),
        r.usersAffected(),
        r.peakPerUser());
    g.writeArrayFieldStart("byPopulation");
    for (PopulationResult p : r.byPopulation()) {
      g.writeStartObject();
      g.writeStringField("name", p.name());
      g.writeNumberField("users", p.users());
      counters(
          g,
          p.attempts(),
          p.rejected(),
          p.rejectionRate(),
          p.events9646(),
          p.usersAffected(),
          p.peakPerUser());
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonOutput.number(g, "meanConcurrentSessions", r.meanConcurrentSessions());
    g.writeNumberField("sessionsOpenAtEnd", r.sessionsOpenAtEnd());
    g.writeNumberField("simulatedEvents", r.simulatedEvents());
    g.writeObjectFieldStart("timeSeries");
    g.writeNumberField("bucketMs", r.timeSeries().bucketMs());
    g.writeArrayFieldStart("buckets");
    for (TimeBucket b : r.timeSeries().buckets()) {
      g.writeStartObject();
      g.writeNumberField("startMs", b.startMs());
      g.writeNumberField("attempts", b.attempts());
      g.writeNumberField("rejected", b.rejected());
      g.writeNumberField("worstUserSessions", b.worstUserSessions());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  private static void counters(
      JsonGenerator g,
      long attempts,
      long rejected,
      double rate,
      long events,
      int affected,
      PeakPerUser peak)
      throws IOException {
    g.writeNumberField("attempts", attempts);
    g.writeNumberField("rejected", rejected);
    JsonOutput.number(g, "rejectionRate", rate);
    g.writeNumberField("events9646", events);
    g.writeNumberField("usersAffected", affected);
    g.writeObjectFieldStart("peakPerUser");
    g.writeNumberField("p50", peak.p50());
    g.writeNumberField("p99", peak.p99());
    g.writeNumberField("max", peak.max());
    g.writeEndObject();
  }
}
