package org.mapiscope.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.mapiscope.ingest.archive.ArchiveLimits;
import org.mapiscope.ingest.archive.ExpansionBudget;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;

/**
 * Reads evidence files, folders and archives into model evidence: the entry point of ingestion.
 *
 * <p>It walks the inputs (folders recursively, zip and gzip files, nested too, all in natural name
 * order), detects each file's format from its content, and reads the files on a fixed pool of
 * threads. Ordering guarantee (docs/ingest.md): the sink is never called concurrently; each file's
 * evidence arrives in file order; the RCA logs of one folder are read one after the other on one
 * thread in natural name order, so one server's sessions arrive in chronological order. Evidence of
 * different folders may interleave. A file whose content an earlier file has (a folder copied
 * twice, a log both zipped and unpacked) is listed as {@link InputOutcome#DUPLICATE} and not read
 * again.
 *
 * <p>Problems with the evidence never throw: they are errors on the file's {@link InputSummary}.
 * Instances are immutable and may be reused; {@link #ingest} may be called from several threads.
 */
public final class Ingestor {

  private static final String RCA = "rca";

  private final ZoneId timezone;
  private final int threads;
  private final ArchiveLimits limits;
  private final FormatRegistry registry;
  private final ProgressListener progress;

  private Ingestor(Builder b) {
    this.timezone = b.timezone;
    this.threads = b.threads;
    this.limits = b.limits;
    this.registry = b.registry;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads all inputs, handing evidence to {@code sink} (never concurrently) and returning one
   * summary per file found.
   *
   * @param inputs files, folders, {@code .zip} and {@code .gz} files, as the user named them
   * @param sink receives the evidence; an exception it throws ends the run and is rethrown
   * @throws IllegalStateException when interrupted (the interrupt flag stays set)
   */
  public IngestResult ingest(List<Path> inputs, EvidenceSink sink) {
    Objects.requireNonNull(sink, "sink");
    ExpansionBudget budget = new ExpansionBudget(limits);
    try (Walker walker = new Walker(registry, budget)) {
      List<Unit> units = walker.walk(inputs);
      return flat(run(units, budget, OrderedSink.shared(sink), true));
    }
  }

  /**
   * Reads all inputs like {@link #ingest(List, EvidenceSink)}, but gives every worker thread a sink
   * of its own: each sink is asked for once by the thread that feeds it and is only ever called
   * from that thread, so it needs no lock. Each file's evidence goes to one sink in file order, and
   * the RCA logs of one server (by the server their place names, {@code EX01} and {@code
   * ex01.contoso.com} alike; logs that name none together) go to one sink one after another in
   * natural name order. Anything else may land in any sink: a caller combines the sinks' results
   * with an order-insensitive merge once this returns.
   *
   * @param workerSinks called once per worker thread that reads, from that thread; must be
   *     thread-safe
   */
  public IngestResult ingestPerWorker(
      List<Path> inputs, java.util.function.Supplier<? extends EvidenceSink> workerSinks) {
    Objects.requireNonNull(workerSinks, "workerSinks");
    ExpansionBudget budget = new ExpansionBudget(limits);
    try (Walker walker = new Walker(registry, budget)) {
      List<Unit> units = walker.walk(inputs);
      return flat(run(units, budget, OrderedSink.perWorker(workerSinks), true));
    }
  }

  /**
   * Walks one file (found by {@link Listing}, or on another file system and copied here) and tells
   * what each of its units is, without reading them: the survey a planner needs to split the
   * reading of many files the way {@link #ingest} would. Units at {@code completeContent} (indices
   * in walk order within the file) also get the CRC-32 of their whole content, which costs a read.
   */
  public List<SurveyedUnit> survey(SourceFile file, Set<Integer> completeContent) {
    ExpansionBudget budget = new ExpansionBudget(limits);
    try (Walker walker = new Walker(registry, budget)) {
      List<Unit> units = walker.walk(file);
      List<SurveyedUnit> out = new ArrayList<>(units.size());
      for (int i = 0; i < units.size(); i++) {
        Unit unit = units.get(i);
        String kind = Duplicates.kind(unit);
        Fingerprint f = Duplicates.fingerprint(unit);
        if (f != null && kind != null && !f.complete() && completeContent.contains(i)) {
          try {
            f = f.completed(Duplicates.input(unit));
          } catch (IOException | RuntimeException e) {
            // Not comparable: the file is read as usual and its reader reports the problem.
          }
        }
        String group =
            unit instanceof Unit.Leaf leaf
                    && leaf.reader() != null
                    && RCA.equals(leaf.reader().format())
                ? rcaGroup(leaf)
                : null;
        boolean comparable = f != null && kind != null;
        out.add(
            new SurveyedUnit(
                unit.displayPath(),
                kind,
                group,
                unit.storedBytes(),
                comparable ? f.size() : Fingerprint.UNKNOWN,
                comparable ? f.headCrc() : Fingerprint.UNKNOWN,
                comparable ? f.crc() : Fingerprint.UNKNOWN));
      }
      return out;
    }
  }

  /**
   * Of surveyed units (in walk order over all files), those whose whole content must be compared:
   * they agree on format, size and head with another one.
   */
  public static List<Integer> needingContent(List<SurveyedUnit> units) {
    String[] kinds = new String[units.size()];
    Fingerprint[] prints = new Fingerprint[units.size()];
    for (int i = 0; i < units.size(); i++) {
      kinds[i] = units.get(i).kind();
      prints[i] = units.get(i).fingerprint();
    }
    return Duplicates.comparable(kinds, prints);
  }

  /**
   * Of surveyed units (in walk order over all files, whole content known where {@link
   * #needingContent} asked), each copy of an earlier unit's content mapped to that unit: the same
   * choice {@link #ingest} makes.
   */
  public static Map<Integer, Integer> duplicates(List<SurveyedUnit> units) {
    String[] kinds = new String[units.size()];
    Fingerprint[] full = new Fingerprint[units.size()];
    for (int i : needingContent(units)) {
      kinds[i] = units.get(i).kind();
      full[i] = units.get(i).fingerprint();
    }
    return Duplicates.decide(kinds, full);
  }

  /**
   * Reads the given files into {@code sink} as {@link #ingest} would read them among others: their
   * units named in {@link SourceFile#duplicateOf()} are listed as duplicates and not read, the rest
   * read with the same ordering guarantee. Returns each file's summaries, in the files' order.
   */
  public List<List<InputSummary>> read(List<SourceFile> files, EvidenceSink sink) {
    Objects.requireNonNull(sink, "sink");
    ExpansionBudget budget = new ExpansionBudget(limits);
    try (Walker walker = new Walker(registry, budget)) {
      List<Unit> units = new ArrayList<>();
      int[] ends = new int[files.size()];
      for (int f = 0; f < files.size(); f++) {
        SourceFile file = files.get(f);
        int start = units.size();
        List<Unit> walked = walker.walk(file);
        units.addAll(walked.subList(start, walked.size()));
        for (Map.Entry<Integer, String> copy : file.duplicateOf().entrySet()) {
          int at = start + copy.getKey();
          if (at < units.size()) {
            Unit unit = units.get(at);
            units.set(
                at, new Unit.Duplicate(unit.displayPath(), copy.getValue(), unit.storedBytes()));
          }
        }
        ends[f] = units.size();
      }
      List<List<InputSummary>> slots = run(units, budget, OrderedSink.shared(sink), false);
      List<List<InputSummary>> out = new ArrayList<>(files.size());
      int from = 0;
      for (int end : ends) {
        List<InputSummary> summaries = new ArrayList<>();
        for (List<InputSummary> slot : slots.subList(from, end)) {
          summaries.addAll(slot);
        }
        out.add(summaries);
        from = end;
      }
      return out;
    }
  }

  private static IngestResult flat(List<List<InputSummary>> slots) {
    List<InputSummary> all = new ArrayList<>();
    for (List<InputSummary> slot : slots) {
      all.addAll(slot);
    }
    return new IngestResult(all);
  }

  private List<List<InputSummary>> run(
      List<Unit> walked, ExpansionBudget budget, OrderedSink sink, boolean findDuplicates) {
    AtomicReferenceArray<List<InputSummary>> slots = new AtomicReferenceArray<>(walked.size());
    FileReading reading = new FileReading(timezone);
    NestedArchive nested = new NestedArchive(registry, budget, reading);
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "mapiscope-ingest-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Unit> units =
          findDuplicates ? withoutDuplicates(walked, Duplicates.find(walked, pool)) : walked;
      Tracker tracker = new Tracker(units);
      List<Future<?>> futures = new ArrayList<>();
      for (List<Integer> group : groups(units)) {
        futures.add(
            pool.submit(
                () -> {
                  OrderedSink.Batch batch = sink.newBatch();
                  for (int index : group) {
                    Unit unit = units.get(index);
                    slots.set(index, readUnit(unit, reading, nested, batch));
                    tracker.done(unit);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingestion interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof OrderedSink.SinkFailure failure
          && failure.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("ingestion failed", cause);
    } finally {
      pool.shutdownNow();
    }
    List<List<InputSummary>> out = new ArrayList<>(slots.length());
    for (int i = 0; i < slots.length(); i++) {
      out.add(slots.get(i));
    }
    return out;
  }

  /**
   * The units with every copy of earlier content replaced by a {@link Unit.Duplicate} naming the
   * original.
   */
  private static List<Unit> withoutDuplicates(List<Unit> units, Map<Integer, Integer> duplicates) {
    if (duplicates.isEmpty()) {
      return units;
    }
    List<Unit> out = new ArrayList<>(units);
    duplicates.forEach(
        (copy, original) -> {
          Unit unit = units.get(copy);
          out.set(
              copy,
              new Unit.Duplicate(
                  unit.displayPath(), units.get(original).displayPath(), unit.storedBytes()));
        });
    return out;
  }

  private List<InputSummary> readUnit(
      Unit unit, FileReading reading, NestedArchive nested, OrderedSink.Batch batch) {
    if (unit instanceof Unit.Leaf leaf) {
      return List.of(reading.read(leaf.input(), leaf.reader(), batch));
    }
    if (unit instanceof Unit.Nested n) {
      return nested.read(n, batch);
    }
    if (unit instanceof Unit.Duplicate d) {
      return List.of(
          InputSummary.notRead(
              d.displayPath(),
              InputOutcome.DUPLICATE,
              List.of(
                  new InputError(
                      d.displayPath(), Duplicates.message(d.displayPath(), d.originalPath())))));
    }
    Unit.Rejected r = (Unit.Rejected) unit;
    return List.of(
        InputSummary.notRead(
            r.displayPath(), r.outcome(), List.of(new InputError(r.displayPath(), r.message()))));
  }

  /**
   * One group per file, except that RCA logs of one folder form one group read in walk (natural
   * name) order. Largest groups are scheduled first so the pool finishes together.
   */
  static List<List<Integer>> groups(List<Unit> units) {
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      String key =
          unit instanceof Unit.Leaf leaf
                  && leaf.reader() != null
                  && RCA.equals(leaf.reader().format())
              ? rcaGroup(leaf)
              : "unit:" + i;
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : byKey.values()) {
      // One server's logs from several folders (EX01/march, EX01/april): in log-name (date) order.
      group.sort(
          Comparator.comparing((Integer i) -> fileName(units.get(i)), NaturalOrder.INSTANCE)
              .thenComparing(i -> units.get(i).displayPath(), NaturalOrder.INSTANCE));
    }
    List<List<Integer>> groups = new ArrayList<>(byKey.values());
    groups.sort(
        Comparator.comparingLong(
            (List<Integer> g) -> -g.stream().mapToLong(i -> units.get(i).storedBytes()).sum()));
    return groups;
  }

  /**
   * RCA logs of one server are read one after another wherever they sit: grouped by the server
   * their place names, as the analysis keys servers (case-insensitive host name without its
   * domain); logs whose place names no server are all one server to the analysis, so one group too.
   * Reading one server's logs on two threads would interleave its sessions out of time order.
   */
  static String rcaGroup(Unit.Leaf leaf) {
    String hint = leaf.input().serverHint();
    if (hint == null || hint.isBlank()) {
      return "rca-server:";
    }
    String host = hint.strip().toLowerCase(java.util.Locale.ROOT);
    int dot = host.indexOf('.');
    return "rca-server:" + (dot > 0 ? host.substring(0, dot) : host);
  }

  private static String fileName(Unit unit) {
    String path = unit.displayPath().replace('\\', '/');
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Counts finished files and bytes and tells the listener, one call at a time. */
  private final class Tracker {
    private final long filesTotal;
    private final long bytesTotal;
    private long filesDone;
    private long bytesDone;

    Tracker(List<Unit> units) {
      this.filesTotal = units.size();
      this.bytesTotal = units.stream().mapToLong(u -> Math.max(0, u.storedBytes())).sum();
    }

    synchronized void done(Unit unit) {
      filesDone++;
      bytesDone += Math.max(0, unit.storedBytes());
      progress.update(
          new ProgressListener.Progress(
              filesDone, filesTotal, bytesDone, bytesTotal, unit.displayPath()));
    }
  }

  /** Options of an {@link Ingestor}; every one has a sensible default. Not thread-safe. */
  public static final class Builder {
    private ZoneId timezone = ZoneId.systemDefault();
    private int threads = Runtime.getRuntime().availableProcessors();
    private ArchiveLimits limits = ArchiveLimits.DEFAULT;
    private FormatRegistry registry = FormatRegistry.standard();
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /** The zone of local times in exports that carry none (default: this machine's). */
    public Builder timezone(ZoneId timezone) {
      this.timezone = Objects.requireNonNull(timezone);
      return this;
    }

    /** Worker threads (default: available processors). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    public Builder archiveLimits(ArchiveLimits limits) {
      this.limits = Objects.requireNonNull(limits);
      return this;
    }

    public Builder registry(FormatRegistry registry) {
      this.registry = Objects.requireNonNull(registry);
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    public Ingestor build() {
      return new Ingestor(this);
    }
  }
}
