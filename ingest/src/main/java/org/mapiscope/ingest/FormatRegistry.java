package org.mapiscope.ingest;

import java.util.List;
import java.util.Optional;
import org.mapiscope.ingest.binarylog.EvtEvidenceReader;
import org.mapiscope.ingest.binarylog.EvtxEvidenceReader;
import org.mapiscope.ingest.eventlog.EventCsvReader;
import org.mapiscope.ingest.eventlog.EventTxtReader;
import org.mapiscope.ingest.eventlog.EventXmlReader;
import org.mapiscope.ingest.netstat.NetstatReader;
import org.mapiscope.ingest.rca.RcaReader;
import org.mapiscope.ingest.reg.RegReader;
import org.mapiscope.ingest.snapshot.ExchangeLogonReader;
import org.mapiscope.ingest.snapshot.LogonStatisticsReader;

/**
 * The evidence formats mapiscope reads, in detection priority: the first reader whose {@link
 * FormatReader#detect} accepts a file reads it. Binary and strongly marked formats come first,
 * loose text shapes (netstat) last. Adding a format is one line in {@link #standard()}. Immutable
 * and thread-safe.
 */
public final class FormatRegistry {

  private final List<FormatReader> readers;

  public FormatRegistry(List<FormatReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** Every format mapiscope knows, in detection priority. */
  public static FormatRegistry standard() {
    return new FormatRegistry(
        List.of(
            new EvtxEvidenceReader(),
            new EvtEvidenceReader(),
            new RcaReader(),
            new RegReader(),
            new EventXmlReader(),
            new LogonStatisticsReader(),
            new ExchangeLogonReader(),
            new EventCsvReader(),
            new EventTxtReader(),
            new NetstatReader()));
  }

  public List<FormatReader> readers() {
    return readers;
  }

  /**
   * The reader for a sniffed file, or empty when no format matches. A detector that throws counts
   * as no match.
   */
  public Optional<FormatReader> detect(Sniff sniff) {
    for (FormatReader reader : readers) {
      try {
        if (reader.detect(sniff)) {
          return Optional.of(reader);
        }
      } catch (RuntimeException e) {
        // detect() must not throw; a buggy detector must not cost the user the file.
      }
    }
    return Optional.empty();
  }
}
