package org.mapiscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mapiscope.analysis.AnalysisResult;
import org.mapiscope.analysis.Finding;
import org.mapiscope.analysis.LimitEventSummary;
import org.mapiscope.analysis.Recommendations;
import org.mapiscope.analysis.Remedy;
import org.mapiscope.analysis.SessionSummary;
import org.mapiscope.analysis.SettingView;
import org.mapiscope.analysis.VersionVerdict;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.SettingValue;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.SettingText;
import org.mapiscope.report.scripts.ScriptSet;
import org.mapiscope.report.scripts.ScriptUnit;

/**
 * Writes the {@code analyze} JSON of docs/contract.md, plus additive extras: {@code timezone},
 * {@code exchange} (the version the remedies assume, and why), {@code limitEvents.first/last},
 * {@code sessions.byUser[].timeline} and {@code .rejected} (refused connects), per-remedy {@code
 * rollback}/{@code scripts}, and a top-level {@code scripts} block when scripts were written.
 * Streams with Jackson's generator; output is deterministic for equal input. Thread-safe.
 */
public final class AnalyzeJson {

  /** The tool name in {@code tool.name}; compare uses it to recognise our files. */
  public static final String TOOL_NAME = "mapiscope";

  private AnalyzeJson() {}

  /**
   * Writes the report as UTF-8 JSON; leaves {@code out} open.
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(AnalyzeReport report, OutputStream out) throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    AnalysisResult r = report.result();
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", TOOL_NAME);
    g.writeStringField("version", report.toolVersion());
    g.writeEndObject();
    g.writeStringField("timezone", report.timezone().getId());
    exchange(g, r.exchange());
    inputs(g, report.inputs());
    limitEvents(g, r.limitEvents());
    sessions(g, r.sessions());
    settings(g, r.settings());
    findings(g, r.findings(), report.scripts());
    recommendations(g, r.recommendations());
    if (!report.scripts().isEmpty()) {
      scriptsBlock(g, report.scripts());
    }
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  /** Absent when the result carries no verdict (built without one). */
  private static void exchange(JsonGenerator g, VersionVerdict v) throws IOException {
    if (v == null) {
      return;
    }
    g.writeObjectFieldStart("exchange");
    g.writeStringField("version", v.version().label());
    g.writeStringField("basis", v.basis());
    g.writeEndObject();
  }

  private static void inputs(JsonGenerator g, List<InputSummary> inputs) throws IOException {
    g.writeArrayFieldStart("inputs");
    for (InputSummary in : inputs) {
      g.writeStartObject();
      g.writeStringField("path", in.path());
      g.writeStringField("format", in.format());
      g.writeStringField("outcome", in.outcome().label());
      g.writeNumberField("records", in.records());
      g.writeNumberField("skipped", in.skipped());
      g.writeArrayFieldStart("errors");
      for (InputError e : in.errors()) {
        g.writeStartObject();
        g.writeStringField("where", e.where());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void limitEvents(JsonGenerator g, LimitEventSummary s) throws IOException {
    g.writeObjectFieldStart("limitEvents");
    g.writeNumberField("total", s.total());
    g.writeNumberField("duplicatesDropped", s.duplicatesDropped());
    JsonOutput.time(g, "first", s.first());
    JsonOutput.time(g, "last", s.last());
    g.writeObjectFieldStart("byObjectType");
    for (Map.Entry<String, Long> e : s.byObjectType().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("byUser");
    for (LimitEventSummary.UserLimitEvents u : s.byUser()) {
      g.writeStartObject();
      g.writeStringField("user", u.user());
      JsonOutput.stringOrNull(g, "dn", u.dn());
      g.writeStringField("objectType", u.objectType());
      g.writeNumberField("limit", u.limit());
      g.writeNumberField("count", u.count());
      JsonOutput.time(g, "first", u.first());
      JsonOutput.time(g, "last", u.last());
      g.writeArrayFieldStart("servers");
      for (String server : u.servers()) {
        g.writeString(server);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void sessions(JsonGenerator g, SessionSummary s) throws IOException {
    g.writeObjectFieldStart("sessions");
    g.writeArrayFieldStart("byUser");
    for (SessionSummary.UserSessions u : s.byUser()) {
      g.writeStartObject();
      g.writeStringField("user", u.user());
      g.writeNumberField("peakConcurrent", u.peakConcurrent());
      JsonOutput.time(g, "peakAt", u.peakAt());
      g.writeNumberField("peakActive", u.peakActive());
      g.writeNumberField("stale", u.stale());
      g.writeNumberField("rejected", u.rejected());
      refusals(g, u.refusals());
      g.writeNumberField("clientsTotal", u.clientsTotal());
      g.writeNumberField("sessionsTotal", u.sessionsTotal());
      g.writeArrayFieldStart("clients");
      for (SessionSummary.ClientUsage c : u.clients()) {
        g.writeStartObject();
        JsonOutput.stringOrNull(g, "ip", c.ip());
        JsonOutput.stringOrNull(g, "software", c.software());
        JsonOutput.stringOrNull(g, "mode", c.mode());
        g.writeNumberField("sessions", c.sessions());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("clientsOmitted");
      g.writeNumberField("clients", u.clientsOmitted());
      g.writeNumberField("sessions", u.sessionsOmitted());
      g.writeEndObject();
      g.writeArrayFieldStart("timeline");
      for (SessionSummary.TimelinePoint p : u.timeline()) {
        g.writeStartObject();
        JsonOutput.time(g, "time", p.time());
        g.writeNumberField("open", p.open());
        g.writeNumberField("active", p.active());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void refusals(JsonGenerator g, SessionSummary.Refusals r) throws IOException {
    g.writeObjectFieldStart("refusals");
    g.writeNumberField("attempts", r.attempts());
    JsonOutput.time(g, "worstAt", r.worstAt());
    if (r.openAtWorst() >= 0) {
      g.writeNumberField("openAtWorst", r.openAtWorst());
      g.writeNumberField("inUseAtWorst", r.inUseAtWorst());
    } else {
      g.writeNullField("openAtWorst");
      g.writeNullField("inUseAtWorst");
    }
    g.writeNumberField("otherFailedConnects", r.otherFailedConnects());
    g.writeObjectFieldStart("otherFailures");
    for (Map.Entry<String, Long> e : r.otherFailures().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("rundowns", r.rundowns());
    g.writeNumberField("endedByRestart", r.endedByRestart());
    g.writeEndObject();
  }

  /** Settings sorted by server, name, source: the analysis may collect them in any order. */
  static final Comparator<SettingView> SETTING_ORDER =
      Comparator.comparing(SettingView::server, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(SettingView::name, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(SettingView::source, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static void settings(JsonGenerator g, List<SettingView> settings) throws IOException {
    g.writeArrayFieldStart("settings");
    for (SettingView s : settings.stream().sorted(SETTING_ORDER).toList()) {
      g.writeStartObject();
      JsonOutput.stringOrNull(g, "server", s.server());
      g.writeStringField("name", s.name());
      settingValue(g, s.value());
      g.writeStringField("source", s.source());
      g.writeBooleanField("inEvidence", SettingText.inEvidence(s));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * Registry DWORDs are numbers, and automation compares them as numbers; a setting that is not set
   * and has no default ({@code TcpMaxDataRetransmissions}) is {@code null}; anything else stays
   * text.
   */
  private static void settingValue(JsonGenerator g, SettingValue value) throws IOException {
    if (value == null || value instanceof SettingValue.Absent) {
      g.writeNullField("value");
    } else if (value instanceof SettingValue.Dword d) {
      g.writeNumberField("value", d.value());
    } else {
      g.writeStringField("value", value.text());
    }
  }

  private static void findings(JsonGenerator g, List<Finding> findings, ScriptSet scripts)
      throws IOException {
    g.writeArrayFieldStart("findings");
    for (Finding f : findings) {
      g.writeStartObject();
      g.writeStringField("scope", f.scope().json());
      g.writeStringField("subject", f.subject());
      g.writeStringField("cause", f.cause().name());
      JsonOutput.number(g, "confidence", f.confidence());
      g.writeStringField("summary", f.summary());
      FactsJson.write(g, f.facts());
      g.writeArrayFieldStart("evidence");
      for (Finding.EvidenceItem e : f.evidence()) {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeStringField("where", e.where());
        g.writeStringField("text", e.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("remedies");
      for (Remedy m : f.remedies()) {
        remedy(g, m, scripts.forRemedy(m));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void remedy(JsonGenerator g, Remedy m, List<ScriptUnit> units) throws IOException {
    g.writeStartObject();
    g.writeNumberField("order", m.order());
    g.writeStringField("action", m.action().name());
    g.writeStringField("title", m.title());
    g.writeStringField("detail", m.detail());
    if (!units.isEmpty()) {
      // `script` is the contract field (docs/contract.md); a remedy spanning servers has more in
      // `scripts`.
      g.writeStringField("script", units.get(0).script());
      g.writeStringField("rollback", units.get(0).rollback());
      g.writeArrayFieldStart("scripts");
      for (ScriptUnit u : units) {
        g.writeStartObject();
        g.writeNumberField("step", u.number());
        g.writeStringField("script", u.script());
        g.writeStringField("rollback", u.rollback());
        g.writeStringField("where", u.where());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void recommendations(JsonGenerator g, Recommendations r) throws IOException {
    g.writeObjectFieldStart("recommendations");
    if (r.keepAliveTimeMs() == null) {
      g.writeNullField("keepAliveTimeMs");
    } else {
      g.writeNumberField("keepAliveTimeMs", r.keepAliveTimeMs());
    }
    g.writeArrayFieldStart("sessionLimit");
    for (Recommendations.SessionLimit s : r.sessionLimit()) {
      g.writeStartObject();
      g.writeStringField("scope", s.scope().json());
      g.writeStringField("subject", s.subject());
      g.writeNumberField("current", s.current());
      g.writeNumberField("recommended", s.recommended());
      g.writeNumberField("demand", s.demand());
      g.writeStringField("basis", s.basis());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void scriptsBlock(JsonGenerator g, ScriptSet scripts) throws IOException {
    g.writeObjectFieldStart("scripts");
    g.writeStringField("readme", ScriptSet.README);
    g.writeArrayFieldStart("steps");
    for (ScriptUnit u : scripts.units()) {
      g.writeStartObject();
      g.writeNumberField("step", u.number());
      g.writeStringField("title", u.title());
      g.writeStringField("script", u.script());
      g.writeStringField("rollback", u.rollback());
      g.writeStringField("where", u.where());
      g.writeStringField("restart", u.restart());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("skipped");
    for (ScriptSet.Skipped s : scripts.skipped()) {
      g.writeStartObject();
      g.writeStringField("remedy", s.remedyTitle());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
