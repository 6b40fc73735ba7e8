package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceSink;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;

/**
 * One analysis fed by several threads, each into a partition of its own: an {@link Analyzer} only
 * that thread feeds, so the per-event path takes no contended lock. The partitions are merged with
 * {@link Analyzer#absorb} at the end.
 *
 * <p>Routing keeps the one rule of merging (all RCA evidence of one server in one partition): the
 * first partition to see a server's RCA evidence owns that server, and session evidence another
 * thread reads for it later goes to the owner's partition (its analyzer is thread-safe, so this
 * rare path is safe, only slower). Everything else stays in the partition of the thread that read
 * it. Feed each server's RCA logs from one thread, in time order, as the ingest does.
 */
public final class PartitionedAnalysis {

  private final SessionLog log;
  private final List<Partition> partitions = new ArrayList<>();
  private final Map<String, Partition> sessionOwners = new ConcurrentHashMap<>();

  /** Partitions that keep no sessions beyond what the diagnosis needs. */
  public PartitionedAnalysis() {
    this(SessionLog.NONE);
  }

  /** Partitions whose analyzers report sessions to {@code log} (thread-safe, see SessionLog). */
  public PartitionedAnalysis(SessionLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** A new partition, to be fed by one thread. Thread-safe. */
  public EvidenceSink newPartition() {
    Partition p = new Partition(new Analyzer(log));
    synchronized (partitions) {
      partitions.add(p);
    }
    return p;
  }

  /** How many partitions were handed out. */
  public int partitionCount() {
    synchronized (partitions) {
      return partitions.size();
    }
  }

  /** (server, user) tracks held by all partitions now; exact once feeding stopped. */
  public long trackCount() {
    synchronized (partitions) {
      return partitions.stream().mapToLong(p -> p.analyzer.trackCount()).sum();
    }
  }

  /**
   * All partitions merged into one analyzer, in the order they were handed out (any order gives the
   * same result). Call once, after every feeding thread has stopped; the partitions must not be fed
   * afterwards.
   */
  public Analyzer merged() {
    synchronized (partitions) {
      Analyzer all = new Analyzer(log);
      for (Partition p : partitions) {
        all.absorb(p.analyzer);
      }
      return all;
    }
  }

  /** One thread's analyzer, with the route of session evidence to its server's owner. */
  private final class Partition implements EvidenceSink {
    private final Analyzer analyzer;

    /** The last server name routed and its owner: a file names one server, one instance. */
    private String lastServer;

    private Partition lastOwner;

    Partition(Analyzer analyzer) {
      this.analyzer = analyzer;
    }

    @Override
    public void accept(Evidence evidence) {
      if (evidence instanceof SessionEvent e) {
        owner(e.server()).analyzer.accept(evidence);
      } else if (evidence instanceof ServiceRestart r) {
        owner(r.server()).analyzer.accept(evidence);
      } else {
        analyzer.accept(evidence);
      }
    }

    private Partition owner(String server) {
      if (server != null && server == lastServer) {
        return lastOwner;
      }
      Partition owner = sessionOwners.computeIfAbsent(ServerNames.key(server), k -> this);
      lastServer = server;
      lastOwner = owner;
      return owner;
    }
  }
}
