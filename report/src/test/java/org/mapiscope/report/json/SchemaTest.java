package org.mapiscope.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.Fixtures;
import org.mapiscope.report.Schemas;
import org.mapiscope.report.compare.AnalyzeJsonReader;
import org.mapiscope.report.compare.Compare;
import org.mapiscope.report.compare.Comparison;
import org.mapiscope.sim.PeakPerUser;
import org.mapiscope.sim.PopulationResult;
import org.mapiscope.sim.SimulationResult;
import org.mapiscope.sim.TimeBucket;
import org.mapiscope.sim.TimeSeries;
import org.mapiscope.sim.whatif.UserWhatIf;
import org.mapiscope.sim.whatif.WhatIfResult;
import org.mapiscope.sim.whatif.WhatIfSettings;
import org.mapiscope.sim.whatif.WhatIfTotal;

/** Real writer output, from realistic results, validated against the shipped schemas. */
class SchemaTest {

  interface Writing {
    void to(ByteArrayOutputStream out) throws IOException;
  }

  static String json(Writing w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.to(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<Error> validate(String schemaResource, String json) throws IOException {
    try (InputStream in = SchemaTest.class.getResourceAsStream(schemaResource)) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      return schema.validate(json, InputFormat.JSON);
    }
  }

  @Test
  void analyzeWithScriptsMatches() throws IOException {
    assertThat(validate(Schemas.ANALYZE, json(out -> AnalyzeJson.write(Fixtures.report(), out))))
        .isEmpty();
  }

  @Test
  void analyzeWithACutClientListAndAnUnsetSettingMatches() throws IOException {
    String json = json(out -> AnalyzeJson.write(Fixtures.cutClientListReport(), out));
    assertThat(json)
        .contains("\"clientsOmitted\"", "\"inEvidence\"")
        .containsPattern("\"clientsTotal\"\\s*:\\s*35");
    assertThat(validate(Schemas.ANALYZE, json)).isEmpty();
    // The schema knows the additive fields: a wrong type is caught.
    assertThat(
            validate(
                Schemas.ANALYZE,
                json.replaceAll("\"clientsTotal\"\\s*:\\s*35", "\"clientsTotal\" : \"35\"")))
        .isNotEmpty();
  }

  @Test
  void analyzeOfAFleetWithoutScriptsAndAnEmptyRunMatch() throws IOException {
    AnalyzeReport fleet =
        new AnalyzeReport(
            "0.1.0", Fixtures.inputs(), Fixtures.fleet(50), ZoneOffset.UTC, null, null);
    assertThat(validate(Schemas.ANALYZE, json(out -> AnalyzeJson.write(fleet, out)))).isEmpty();
    AnalyzeReport empty =
        new AnalyzeReport("0.1.0", List.of(), Fixtures.fleet(0), ZoneOffset.UTC, null, null);
    assertThat(validate(Schemas.ANALYZE, json(out -> AnalyzeJson.write(empty, out)))).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatTheContractForbids() throws IOException {
    String good = json(out -> AnalyzeJson.write(Fixtures.report(), out));
    assertThat(
            validate(
                Schemas.ANALYZE, good.replace("\"DEAD_CLIENT_SESSIONS\"", "\"SOMETHING_ELSE\"")))
        .isNotEmpty();
    assertThat(
            validate(
                Schemas.ANALYZE, good.replace("\"2026-11-02T08:15:00Z\"", "\"02.11.2026 08:15\"")))
        .isNotEmpty();
    assertThat(
            validate(
                Schemas.ANALYZE, good.replace("\"scope\" : \"user\"", "\"scope\" : \"mailbox\"")))
        .isNotEmpty();
    assertThat(
            validate(
                Schemas.ANALYZE, good.replace("\"version\" : \"2010\"", "\"version\" : \"2011\"")))
        .isNotEmpty();
    assertThat(validate(Schemas.ANALYZE, good.replace("\"rejected\" : 40", "\"rejected\" : -1")))
        .isNotEmpty();
  }

  @Test
  void compareMatches() throws Exception {
    byte[] before =
        json(out -> AnalyzeJson.write(Fixtures.report(), out)).getBytes(StandardCharsets.UTF_8);
    var snapshot = AnalyzeJsonReader.read(new java.io.ByteArrayInputStream(before), "before.json");
    Comparison c = Compare.compare(snapshot, snapshot);
    assertThat(validate(Schemas.COMPARE, json(out -> CompareJson.write(c, out)))).isEmpty();
  }

  @Test
  void simulateMatches() throws IOException {
    PeakPerUser peak = new PeakPerUser(6, 31, 32);
    SimulationResult r =
        new SimulationResult(
            48_000,
            120,
            120 / 48_000.0,
            120,
            9,
            peak,
            List.of(
                new PopulationResult("laptops", 200, 40_000, 120, 0.003, 120, 9, peak),
                new PopulationResult("desktops", 300, 8_000, 0, 0, 0, 0, new PeakPerUser(2, 4, 5))),
            310.5,
            280,
            96_000,
            new TimeSeries(
                3_600_000,
                List.of(new TimeBucket(0, 300, 0, 8), new TimeBucket(3_600_000, 290, 3, 32))));
    String text = json(out -> SimulateJson.write(r, out));
    assertThat(validate(Schemas.SIMULATE, text)).isEmpty();
    assertThat(text).contains("\"events9646\" : 120", "\"p99\" : 31");
  }

  @Test
  void whatIfMatches() throws IOException {
    WhatIfResult r =
        new WhatIfResult(
            WhatIfSettings.stock().withKeepAliveTime(300_000).withSessionLimit(40),
            new WhatIfTotal(57, 3, 57, 3, 900),
            List.of(
                new UserWhatIf("jdoe", 40, 0, 40, 0, 500, 12),
                new UserWhatIf("besadmin", 12, 3, 12, 3, 400, 44)),
            44);
    String text = json(out -> WhatIfJson.write(r, out));
    assertThat(validate(Schemas.WHATIF, text)).isEmpty();
    assertThat(text).contains("\"keepAliveTimeMs\" : 300000", "\"minimalLimit\" : 44");
  }
}
