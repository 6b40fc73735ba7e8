package org.mapiscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.ingest.SourceFile;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.report.events.LimitEventHistogram;

/**
 * What runs on the executors: pure functions of the files they are given, so a retried or
 * speculative task returns the same answer and nothing is counted twice.
 */
final class Tasks {

  private Tasks() {}

  /** Walks one file (fetching only heads where it can) and tells what its units are. */
  static Surveyed survey(
      FleetFile file, Set<Integer> completeContent, Map<String, String> hadoopConf) {
    try (Fetched fetched = new Fetched(hadoopConf)) {
      Path local;
      try {
        local = fetched.local(file, completeContent.isEmpty());
      } catch (IOException | RuntimeException e) {
        return new Surveyed(file.index(), List.of(), describe(e));
      }
      Ingestor ingestor = Ingestor.builder().threads(1).build();
      return new Surveyed(
          file.index(), ingestor.survey(file.source(local, Map.of()), completeContent), null);
    }
  }

  /** Reads the bundles of one partition into one partial analysis. */
  static Partial read(List<Bundle> bundles, ZoneId timezone, Map<String, String> hadoopConf) {
    Analyzer analyzer = new Analyzer();
    LimitEventHistogram histogram = new LimitEventHistogram();
    Map<Integer, List<InputSummary>> inputs = new HashMap<>();
    Ingestor ingestor = Ingestor.builder().timezone(timezone).threads(1).build();
    for (Bundle bundle : bundles) {
      List<List<ReadFile>> steps = new ArrayList<>();
      if (bundle.oneByOne()) {
        bundle.files().forEach(f -> steps.add(List.of(f)));
      } else {
        steps.add(bundle.files());
      }
      for (List<ReadFile> step : steps) {
        try (Fetched fetched = new Fetched(hadoopConf)) {
          List<SourceFile> sources = new ArrayList<>();
          List<Integer> indices = new ArrayList<>();
          for (ReadFile rf : step) {
            try {
              sources.add(rf.file().source(fetched.local(rf.file()), rf.duplicateOf()));
              indices.add(rf.file().index());
            } catch (IOException | RuntimeException e) {
              inputs.put(rf.file().index(), List.of(unreadable(rf.file(), describe(e))));
            }
          }
          List<List<InputSummary>> read =
              ingestor.read(
                  sources,
                  item -> {
                    analyzer.accept(item);
                    if (item instanceof LimitEvent limit) {
                      histogram.add(limit);
                    }
                  });
          for (int i = 0; i < indices.size(); i++) {
            inputs.put(indices.get(i), List.copyOf(read.get(i)));
          }
        }
      }
    }
    return new Partial(analyzer, histogram, inputs);
  }

  /** The summary of a file that could not be fetched, worded as analyze words unreadable files. */
  static InputSummary unreadable(FleetFile file, String why) {
    String path = file.displayPath();
    return InputSummary.notRead(
        path,
        InputOutcome.UNREADABLE,
        List.of(new InputError(path, path + " could not be read: " + why)));
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
