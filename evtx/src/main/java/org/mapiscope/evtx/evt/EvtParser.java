package org.mapiscope.evtx.evt;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.EventRecord;

/**
 * Streaming parser for legacy Windows event logs ({@code .evt}, Windows NT 4 to Server 2003).
 * Records come oldest first, as the circular buffer holds them, one at a time; memory stays bounded
 * by one record (or, for a log without an end-of-file record, two longs per record).
 *
 * <p>Where the records are: a cleanly closed log's header gives the oldest record and the
 * end-of-file record. A dirty log (not closed, e.g. copied while the service ran) has stale header
 * offsets, so the newest end-of-file record found in the file is used instead; failing that, every
 * intact record in the file is returned in record-number order. Damaged records are reported to the
 * {@link DamageListener} with their file offset and skipped; the intact records around them are
 * still returned.
 *
 * <p>Mapping to {@link EventRecord}: EventID low 16 bits to {@code eventId}, high 16 bits to {@code
 * qualifiers}; EventType to {@code level} (error 2, warning 3, information and success 4, audits
 * 0); category to {@code task}; {@code keywords} are the ones Windows shows for classic events
 * (Classic, plus Audit Success/Failure); insertion strings to unnamed {@code String} items,
 * followed by one item named {@code "Binary"} holding the record's data when it has any (as the
 * {@code <Binary>} element of classic EventData); SourceName to {@code provider}, Computername to
 * {@code computer}; {@code channel} is known only from the Windows file names ({@code AppEvent.Evt}
 * is Application, …).
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class EvtParser implements Closeable {

  private final SeekableByteChannel channel;
  private final EvtHeader header;
  private final RecordLocator locator;
  private final EvtRecordDecoder decoder;
  private final DamageListener damage;

  private EvtParser(
      SeekableByteChannel channel,
      EvtHeader header,
      RecordLocator locator,
      EvtRecordDecoder decoder,
      DamageListener damage) {
    this.channel = channel;
    this.header = header;
    this.locator = locator;
    this.decoder = decoder;
    this.damage = damage;
  }

  /**
   * Opens a file.
   *
   * @throws EvtFormatException when the file does not start with an event log header
   * @throws IOException when the file cannot be read
   */
  public static EvtParser open(Path file, DamageListener damage) throws IOException {
    SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
    try {
      Path name = file.getFileName();
      return open(channel, EvtChannels.fromFileName(name == null ? null : name.toString()), damage);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Reads from a channel, which the reader closes when it is closed.
   *
   * @param logName the log name to report as {@code channel}, or {@code null} when unknown
   * @throws EvtFormatException when the data does not start with an event log header
   * @throws IOException when the channel cannot be read
   */
  public static EvtParser open(SeekableByteChannel channel, String logName, DamageListener damage)
      throws IOException {
    RingFile ring = new RingFile(channel);
    if (ring.size() < EvtLayout.HEADER_SIZE) {
      throw new EvtFormatException("too short for an event log header: " + ring.size() + " bytes");
    }
    byte[] h = new byte[EvtLayout.HEADER_SIZE];
    ring.readLinear(0, h, 0, h.length);
    if (Bytes.s32(h, 4) != EvtLayout.SIGNATURE) {
      throw new EvtFormatException("no LfLe signature: not a legacy event log");
    }
    if (Bytes.u32(h, 0) != EvtLayout.HEADER_SIZE || Bytes.u32(h, 44) != EvtLayout.HEADER_SIZE) {
      damage.damaged(0, "header size fields are not 0x30");
    }
    EvtHeader header =
        new EvtHeader(
            Bytes.u32(h, 16),
            Bytes.u32(h, 20),
            Bytes.u32(h, 24),
            Bytes.u32(h, 28),
            Bytes.u32(h, 32),
            Bytes.s32(h, 36),
            Bytes.u32(h, 40));
    RecordLocator locator = locate(ring, header, damage);
    return new EvtParser(channel, header, locator, new EvtRecordDecoder(logName), damage);
  }

  private static RecordLocator locate(RingFile ring, EvtHeader header, DamageListener damage)
      throws IOException {
    if (ring.ringSize() < EvtLayout.EOF_SIZE) {
      damage.damaged(EvtLayout.HEADER_SIZE, "file ends right after the header");
      return new RecordLocator.Empty();
    }
    if (!header.dirty()
        && inRing(ring, header.startOffset())
        && inRing(ring, header.endOffset())
        && EofRecord.at(ring, header.endOffset()) != null) {
      return new RingWalk(ring, header.startOffset(), header.endOffset(), damage);
    }
    if (!header.dirty()) {
      damage.damaged(
          20, "header offsets do not lead to the end-of-file record; searching the file for it");
    }
    EofRecord eof = EofRecord.scan(ring);
    if (eof != null && eof.beginInRing(ring)) {
      return new RingWalk(ring, eof.beginOffset(), eof.position(), damage);
    }
    ScanIndex scan = new ScanIndex(ring, damage);
    damage.damaged(
        EvtLayout.HEADER_SIZE,
        "no usable end-of-file record; " + scan.size() + " intact records recovered by scanning");
    return scan;
  }

  private static boolean inRing(RingFile ring, long offset) {
    return offset >= EvtLayout.HEADER_SIZE && offset < ring.size();
  }

  /** The file header as stored (possibly stale when {@link EvtHeader#dirty()}). */
  public EvtHeader header() {
    return header;
  }

  /**
   * The next record, oldest first.
   *
   * @return the record, or {@code null} after the last one
   * @throws IOException when the file cannot be read (damage inside it is reported, not thrown)
   */
  public EventRecord next() throws IOException {
    RecordLocator.RawRecord raw = locator.next();
    return raw == null ? null : decoder.decode(raw.bytes(), raw.offset(), damage);
  }

  /**
   * The remaining records as a sequential stream; read errors surface as {@link
   * UncheckedIOException}. Closing the stream does not close the reader.
   */
  public Stream<EventRecord> stream() {
    Iterator<EventRecord> it =
        new Iterator<>() {
          private EventRecord ahead;

          @Override
          public boolean hasNext() {
            if (ahead == null) {
              try {
                ahead = EvtParser.this.next();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
            return ahead != null;
          }

          @Override
          public EventRecord next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            EventRecord r = ahead;
            ahead = null;
            return r;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
