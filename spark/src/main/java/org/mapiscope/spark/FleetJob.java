package org.mapiscope.spark;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.IngestResult;
import org.mapiscope.ingest.Ingestor;
import org.mapiscope.ingest.Listing;
import org.mapiscope.ingest.NaturalOrder;
import org.mapiscope.ingest.SurveyedUnit;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;
import org.mapiscope.report.events.LimitEventHistogram;

/**
 * The fleet analysis as two Spark jobs. The driver lists the files (names and sizes only); a survey
 * job walks each file for what its units are (format, server, content fingerprint); the driver
 * finds copies of content and bundles one server's RCA logs together, exactly as {@code analyze}
 * does; a read job reads the bundles in parallel, each partition into a partial analysis state; the
 * driver merges the partials in partition order. Evidence never reaches the driver, only state per
 * server and user.
 */
final class FleetJob {

  /** What the job read: the inputs in walk order, the merged analysis, the 9646 histogram. */
  record Outcome(IngestResult ingested, Analyzer analyzer, LimitEventHistogram histogram) {}

  private final JavaSparkContext spark;
  private final Random shuffle;

  /**
   * @param shuffle null for the planned packing (largest bundles first, balanced by bytes); a
   *     source of randomness to pack bundles into random partitions in random order instead (tests
   *     prove the answer does not depend on it)
   */
  FleetJob(JavaSparkContext spark, Random shuffle) {
    this.spark = spark;
    this.shuffle = shuffle;
  }

  Outcome run(List<String> roots, ZoneId timezone) {
    Configuration conf = spark.hadoopConfiguration();
    EvidenceListing.Listed listed = EvidenceListing.list(roots, conf);
    List<FleetFile> files = listed.files();
    Map<String, String> hadoopConf = hadoopSettings(conf, files);

    List<Surveyed> surveyed = survey(files, Map.of(), hadoopConf);
    List<SurveyedUnit> units = new ArrayList<>();
    int[] first = new int[files.size() + 1];
    for (Surveyed s : surveyed) {
      first[s.index()] = units.size();
      units.addAll(s.units());
    }
    first[files.size()] = units.size();
    Map<Integer, Set<Integer>> needing = new TreeMap<>();
    for (int u : Ingestor.needingContent(units)) {
      int file = fileOf(first, u);
      needing.computeIfAbsent(file, k -> new TreeSet<>()).add(u - first[file]);
    }
    if (!needing.isEmpty()) {
      // Same size and head as another file: only their whole content tells copies apart.
      for (Surveyed s : survey(files, needing, hadoopConf)) {
        for (int i = 0; i < s.units().size(); i++) {
          units.set(first[s.index()] + i, s.units().get(i));
        }
      }
    }
    Map<Integer, Map<Integer, String>> duplicateOf = new HashMap<>();
    Set<Integer> copies = new TreeSet<>();
    Ingestor.duplicates(units)
        .forEach(
            (copy, original) -> {
              copies.add(copy);
              int file = fileOf(first, copy);
              duplicateOf
                  .computeIfAbsent(file, k -> new HashMap<>())
                  .put(copy - first[file], units.get(original).displayPath());
            });

    Map<Integer, String> fetchErrors = new HashMap<>();
    List<Bundle> bundles = new ArrayList<>();
    for (List<Integer> group : bundleFiles(surveyed, units, first, copies)) {
      Surveyed probe = surveyed.get(group.get(0));
      if (group.size() == 1 && probe.fetchError() != null) {
        fetchErrors.put(probe.index(), probe.fetchError());
        continue;
      }
      boolean oneByOne =
          group.size() > 1 && group.stream().allMatch(f -> first[f + 1] - first[f] == 1);
      if (oneByOne) {
        // The order analyze reads one server's logs in: by file name, then by path.
        group.sort(
            Comparator.comparing(
                    (Integer f) -> fileName(units.get(first[f]).displayPath()),
                    NaturalOrder.INSTANCE)
                .thenComparing(f -> units.get(first[f]).displayPath(), NaturalOrder.INSTANCE));
      }
      List<ReadFile> read = new ArrayList<>();
      for (int f : group) {
        read.add(new ReadFile(files.get(f), duplicateOf.getOrDefault(f, Map.of())));
      }
      bundles.add(new Bundle(read, oneByOne));
    }

    List<List<Bundle>> packs = pack(bundles);
    List<Partial> partials =
        packs.isEmpty()
            ? List.of()
            : spark
                .parallelize(packs, packs.size())
                .map(pack -> Tasks.read(pack, timezone, hadoopConf))
                .collect();

    Analyzer merged = new Analyzer();
    LimitEventHistogram histogram = new LimitEventHistogram();
    Map<Integer, List<InputSummary>> byFile = new HashMap<>();
    for (Partial p : partials) {
      merged.absorb(p.analyzer());
      histogram.merge(p.histogram());
      byFile.putAll(p.inputs());
    }
    fetchErrors.forEach(
        (index, why) -> byFile.put(index, List.of(Tasks.unreadable(files.get(index), why))));
    List<InputSummary> inputs = new ArrayList<>();
    for (Object entry : listed.inOrder()) {
      if (entry instanceof FleetFile f) {
        inputs.addAll(byFile.getOrDefault(f.index(), List.of()));
      } else {
        Listing.Entry.NotFound n = (Listing.Entry.NotFound) entry;
        inputs.add(
            InputSummary.notRead(
                n.displayPath(),
                n.outcome(),
                List.of(new InputError(n.displayPath(), n.message()))));
      }
    }
    return new Outcome(new IngestResult(inputs), merged, histogram);
  }

  private List<Surveyed> survey(
      List<FleetFile> files, Map<Integer, Set<Integer>> only, Map<String, String> hadoopConf) {
    List<FleetFile> todo = only.isEmpty() ? files : only.keySet().stream().map(files::get).toList();
    if (todo.isEmpty()) {
      return List.of();
    }
    Map<Integer, Set<Integer>> complete = new HashMap<>(only);
    int slices = Math.max(1, Math.min(todo.size(), spark.defaultParallelism() * 4));
    return spark
        .parallelize(new ArrayList<>(todo), slices)
        .map(f -> Tasks.survey(f, complete.getOrDefault(f.index(), Set.of()), hadoopConf))
        .collect();
  }

  /**
   * Files that must be read by one task: those sharing an RCA group (a server's or a folder's RCA
   * logs) are joined; every other file stands alone. Groups come in walk order of their first file.
   */
  private static List<List<Integer>> bundleFiles(
      List<Surveyed> surveyed, List<SurveyedUnit> units, int[] first, Set<Integer> copies) {
    int n = surveyed.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> groupOwner = new HashMap<>();
    for (int f = 0; f < n; f++) {
      for (int u = first[f]; u < first[f + 1]; u++) {
        String group = units.get(u).rcaGroup();
        if (group != null && !copies.contains(u)) {
          Integer owner = groupOwner.putIfAbsent(group, f);
          if (owner != null) {
            parent[find(parent, f)] = find(parent, owner);
          }
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
    for (int f = 0; f < n; f++) {
      byRoot.computeIfAbsent(find(parent, f), k -> new ArrayList<>()).add(f);
    }
    return new ArrayList<>(byRoot.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * Bundles into partitions: largest first onto the partition with the fewest bytes, a few
   * partitions per core so stragglers even out; or randomly, when testing.
   */
  private List<List<Bundle>> pack(List<Bundle> bundles) {
    if (bundles.isEmpty()) {
      return List.of();
    }
    List<Bundle> order = new ArrayList<>(bundles);
    int count;
    if (shuffle != null) {
      java.util.Collections.shuffle(order, shuffle);
      count = 1 + shuffle.nextInt(order.size());
    } else {
      order.sort(Comparator.comparingLong(Bundle::bytes).reversed());
      count = Math.min(order.size(), Math.max(1, spark.defaultParallelism() * 3));
    }
    List<List<Bundle>> packs = new ArrayList<>();
    long[] bytes = new long[count];
    for (int i = 0; i < count; i++) {
      packs.add(new ArrayList<>());
    }
    for (Bundle b : order) {
      int target;
      if (shuffle != null) {
        target = shuffle.nextInt(count);
      } else {
        target = 0;
        for (int i = 1; i < count; i++) {
          if (bytes[i] < bytes[target]) {
            target = i;
          }
        }
      }
      packs.get(target).add(b);
      bytes[target] += b.bytes();
    }
    packs.removeIf(List::isEmpty);
    return packs;
  }

  private static int fileOf(int[] first, int unit) {
    int lo = 0;
    int hi = first.length - 2;
    // The last file whose units start at or before the unit: files without units share their
    // start with the next file.
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= unit) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static String fileName(String display) {
    String path = display.replace('\\', '/');
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The driver's Hadoop settings, for tasks that fetch from Hadoop file systems (else none). */
  private static Map<String, String> hadoopSettings(Configuration conf, List<FleetFile> files) {
    Map<String, String> out = new HashMap<>();
    if (files.stream().anyMatch(f -> f.uri() != null)) {
      conf.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }
}
