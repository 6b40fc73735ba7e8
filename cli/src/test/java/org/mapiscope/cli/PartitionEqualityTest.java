package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.analysis.PartitionedAnalysis;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.report.AnalyzeReport;
import org.mapiscope.report.events.LimitEventHistogram;
import org.mapiscope.report.json.AnalyzeJson;

/**
 * Partitioned analysis gives the JSON of one pass, however the files are spread: every real-shaped
 * case is read once, then its files are fed in random orders to 1, 2 and 8 partitions (each
 * server's RCA files still in time order, but possibly over several partitions) and the partitions
 * merged.
 */
class PartitionEqualityTest {

  private static final int[] PARTITIONS = {1, 2, 8};
  private static final int SEEDS = 4;

  static Stream<String> cases() throws IOException {
    return RealShapedFixturesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void anyPartitioningAndFileOrderGivesTheSameJson(String name) throws IOException {
    Path dir = RealShapedFixturesTest.corpus().resolve(name);
    Path input =
        dir.resolve(
            new ObjectMapper()
                .readTree(dir.resolve("expected.json").toFile())
                .path("evidence")
                .asText("evidence"));
    Map<String, List<Evidence>> files = new LinkedHashMap<>();
    LimitEventHistogram histogram = new LimitEventHistogram();
    IngestResult ingested =
        Ingestor.builder()
            .timezone(ZoneOffset.UTC)
            .threads(1)
            .build()
            .ingest(
                List.of(input),
                e -> {
                  files.computeIfAbsent(e.ref().file(), f -> new ArrayList<>()).add(e);
                  if (e instanceof LimitEvent limit) {
                    histogram.add(limit);
                  }
                });
    Analyzer onePass = new Analyzer();
    files.values().forEach(list -> list.forEach(onePass::accept));
    String expected = json(onePass, ingested, histogram);

    for (int partitions : PARTITIONS) {
      for (long seed = 0; seed < SEEDS; seed++) {
        Random random = new Random(seed * 31 + partitions);
        PartitionedAnalysis analysis = new PartitionedAnalysis();
        List<EvidenceSink> sinks = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
          sinks.add(analysis.newPartition());
        }
        for (List<Evidence> file : shuffledKeepingRcaOrder(files, random)) {
          EvidenceSink sink = sinks.get(random.nextInt(partitions));
          file.forEach(sink::accept);
        }
        assertThat(json(analysis.merged(), ingested, histogram))
            .as("%s: %d partitions, seed %d", name, partitions, seed)
            .isEqualTo(expected);
      }
    }
  }

  /**
   * The files in a random order, except that the RCA files of each server keep their read order
   * among themselves (a session stream cannot be reordered).
   */
  private static List<List<Evidence>> shuffledKeepingRcaOrder(
      Map<String, List<Evidence>> files, Random random) {
    List<List<Evidence>> shuffled = new ArrayList<>(files.values());
    java.util.Collections.shuffle(shuffled, random);
    Map<String, List<List<Evidence>>> rcaInOrder = new LinkedHashMap<>();
    for (List<Evidence> file : files.values()) {
      String server = rcaServer(file);
      if (server != null) {
        rcaInOrder.computeIfAbsent(server, s -> new ArrayList<>()).add(file);
      }
    }
    Map<String, Integer> next = new LinkedHashMap<>();
    List<List<Evidence>> out = new ArrayList<>();
    for (List<Evidence> file : shuffled) {
      String server = rcaServer(file);
      if (server == null) {
        out.add(file);
      } else {
        int i = next.merge(server, 1, Integer::sum) - 1;
        out.add(rcaInOrder.get(server).get(i));
      }
    }
    return out;
  }

  private static String rcaServer(List<Evidence> file) {
    for (Evidence e : file) {
      String server =
          e instanceof SessionEvent s
              ? s.server()
              : e instanceof ServiceRestart r ? r.server() : null;
      if (e instanceof SessionEvent || e instanceof ServiceRestart) {
        return server == null ? "" : server.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static String json(
      Analyzer analyzer, IngestResult ingested, LimitEventHistogram histogram) throws IOException {
    AnalyzeReport report =
        new AnalyzeReport(
            "test",
            ingested.inputs(),
            analyzer.finish(AnalysisOptions.inferAll()),
            ZoneOffset.UTC,
            histogram,
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnalyzeJson.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
