package org.mapiscope.evtx;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming parser for Windows XML Event Log ({@code .evtx}) files.
 *
 * <p>Records come out in file order without building a document: each 64 KiB chunk is decoded on
 * its own (names are cached per chunk; each decoding thread compiles a template once and reuses it
 * for later chunks that hold the same definition), and with {@link #parallelism(int)} above one,
 * chunks are decoded on a small pool with a bounded number in flight, so memory stays flat for any
 * file size.
 *
 * <p>Damaged input never ends reading: chunks are found by scanning every 64 KiB after the header
 * (header counts are not trusted), CRC32 mismatches are reported but not enforced (and not checked
 * at all when the header's no-CRC flag 0x4 is set), damaged records are skipped and reading resumes
 * at the next intact record. Every damaged spot goes to the {@link DamageListener} with its file
 * offset, on the thread that iterates, in file order. A {@link DecoderBugException} from the
 * iterators is a bug in this decoder, never damage in the file, and names the file and offset.
 *
 * <pre>{@code
 * try (EvtxParser parser = EvtxParser.open(path, (offset, msg) -> log(offset, msg))) {
 *     for (EventRecord r : parser) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: iterate from one thread. Each call to {@link #records()} (or the other
 * iterators) reads the file again from the start.
 */
public final class EvtxParser implements Iterable<EventRecord>, Closeable {

  private final ChunkSource source;
  private final FileChannel owned;
  private final DamageListener listener;

  /** The file, to name in a {@link DecoderBugException}; null for a channel or buffer. */
  private final String name;

  private int threads = 1;
  private ExecutorService pool;

  private EvtxParser(ChunkSource source, FileChannel owned, DamageListener listener, String name) {
    this.source = source;
    this.owned = owned;
    this.listener = listener == null ? DamageListener.IGNORE : listener;
    this.name = name;
  }

  /**
   * Opens a file, ignoring damage.
   *
   * @throws IOException if the file cannot be opened
   */
  public static EvtxParser open(Path file) throws IOException {
    return open(file, DamageListener.IGNORE);
  }

  /**
   * Opens a file; damage is reported to {@code listener}.
   *
   * @throws IOException if the file cannot be opened
   */
  public static EvtxParser open(Path file, DamageListener listener) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new EvtxParser(ChunkSource.of(channel), channel, listener, file.toString());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Reads from an open channel (from its start); the caller keeps ownership of the channel.
   *
   * @throws IOException if the channel's size cannot be read
   */
  public static EvtxParser of(FileChannel channel, DamageListener listener) throws IOException {
    return new EvtxParser(ChunkSource.of(channel), null, listener, null);
  }

  /** Reads the bytes between the buffer's position and limit (the buffer itself is not moved). */
  public static EvtxParser of(ByteBuffer buffer, DamageListener listener) {
    return new EvtxParser(new ChunkSource.Buffer(buffer.duplicate()), null, listener, null);
  }

  /**
   * Decodes chunks on {@code threads} threads (1, the default, decodes on the iterating thread).
   * Output order is the file order either way.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public EvtxParser parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** Whether the input starts with the EVTX file signature {@code ElfFile\0}. */
  public boolean hasEvtxSignature() {
    byte[] head = new byte[8];
    return source.read(0, head, 8) == 8 && FileHeader.startsWithMagic(head);
  }

  /**
   * How many 64 KiB chunk positions after the 4096-byte header start with the chunk signature
   * {@code ElfChnk\0}: an input whose file header was overwritten is still EVTX when this is above
   * zero.
   */
  public long chunkSignatures() {
    long size = source.size();
    byte[] magic = new byte[8];
    long found = 0;
    for (long at = FileHeader.SIZE; at + magic.length <= size; at += Chunk.SIZE) {
      if (source.read(at, magic, magic.length) == magic.length && ChunkDecoder.hasMagic(magic)) {
        found++;
      }
    }
    return found;
  }

  /**
   * The records in file order.
   *
   * @throws UncheckedIOException from the iterator if reading the file fails
   */
  @Override
  public Iterator<EventRecord> iterator() {
    return records();
  }

  /** Same as {@link #iterator()}. */
  public Iterator<EventRecord> records() {
    return flatten(chunks(Mappers.Records::new, Function.identity()));
  }

  /** The records in file order as a sequential stream. */
  public Stream<EventRecord> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(records(), Spliterator.ORDERED), false);
  }

  /** The records in file order, each with its XML rendering. */
  public Iterator<XmlRecord> xmlRecords() {
    return flatten(chunks(Mappers.Xml::new, Function.identity()));
  }

  /**
   * Applies {@code perChunk} to each chunk's records on the decoding thread (so it runs in parallel
   * too) and returns the results in file order; chunks without records are skipped. Used to encode
   * output (JSON lines) off the iterating thread.
   */
  public <T> Iterator<T> mapChunks(Function<List<EventRecord>, T> perChunk) {
    return chunks(Mappers.Records::new, perChunk);
  }

  /** Variant of {@link #mapChunks} that also hands each record's XML to {@code perChunk}. */
  public <T> Iterator<T> mapXmlChunks(Function<List<XmlRecord>, T> perChunk) {
    return chunks(Mappers.Xml::new, perChunk);
  }

  /**
   * Each chunk's records as JSON lines, UTF-8: the same bytes as {@link EvtxJson#toJsonLines} on
   * {@link #records()}, written on the decoding threads straight from the chunk bytes without
   * building records. Chunks without records are skipped; a chunk whose records were all filtered
   * out gives an empty array.
   *
   * @param eventIdFilter keep only records with this event id (low 16 bits), or null for all
   * @param providerFilter keep only records of this provider (case-insensitive), or null for all
   * @throws UncheckedIOException from the iterator if reading the file fails
   */
  public Iterator<byte[]> jsonLineChunks(Integer eventIdFilter, String providerFilter) {
    SinkPool pool = new SinkPool();
    return chunks(
        () -> new JsonLineMapper(eventIdFilter, providerFilter, pool),
        lines -> {
          byte[] bytes = lines.toByteArray();
          pool.recycle(lines);
          return bytes;
        });
  }

  /**
   * Writes the JSON lines of {@link #jsonLineChunks} to {@code out} straight from the decoding
   * buffers (no copy per chunk); returns whether the file had any record, filtered out or not.
   *
   * @throws IOException from {@code out}
   * @throws UncheckedIOException if reading the file fails
   */
  public boolean writeJsonLines(OutputStream out, Integer eventIdFilter, String providerFilter)
      throws IOException {
    SinkPool pool = new SinkPool();
    Iterator<ByteSink> chunks =
        chunks(() -> new JsonLineMapper(eventIdFilter, providerFilter, pool), Function.identity());
    boolean any = false;
    while (chunks.hasNext()) {
      ByteSink lines = chunks.next();
      lines.writeTo(out);
      pool.recycle(lines);
      any = true;
    }
    return any;
  }

  /** Closes the file (when opened from a path) and stops the decoding threads. */
  @Override
  public void close() throws IOException {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
    if (owned != null) {
      owned.close();
    }
  }

  private <X, T> Iterator<T> chunks(
      Supplier<? extends RecordMapper<X>> mappers, Function<X, T> perChunk) {
    long size = source.size();
    byte[] head = new byte[FileHeader.SIZE];
    int headLength = source.read(0, head, FileHeader.SIZE);
    List<Damage> headerDamage = new ArrayList<>();
    FileHeader header = FileHeader.read(head, headLength, headerDamage);
    for (Damage d : headerDamage) {
      listener.damaged(d.fileOffset(), d.message());
    }
    long body = Math.max(0, size - FileHeader.SIZE);
    int count = (int) Math.min(Integer.MAX_VALUE, (body + Chunk.SIZE - 1) / Chunk.SIZE);
    boolean verifyCrc = header.verifyCrc();
    boolean quiet = false;
    if (!header.valid()) {
      long found = chunkSignatures();
      if (found > 0) {
        // A damaged header hides nothing: the chunks carry their own names, templates and CRCs.
        listener.damaged(
            0,
            "damaged file header: no EVTX file signature (ElfFile); reading records from the "
                + found
                + (found == 1 ? " chunk" : " chunks")
                + " with an ElfChnk signature");
      } else {
        listener.damaged(
            0,
            headLength < 8
                ? "file too short for an EVTX header (" + headLength + " bytes)"
                : "no EVTX file signature and no EVTX chunk");
        quiet = true;
      }
    } else if (headLength == FileHeader.SIZE && body == 0) {
      int stated = FileHeader.chunkCount(head, headLength);
      listener.damaged(
          size,
          "file ends right after its header: no chunks, no records"
              + (stated > 0 ? " (the header counts " + stated + "; the file is truncated)" : ""));
    }
    boolean skipUnsigned = quiet;
    // What each decoding thread keeps from chunk to chunk. On the caller's thread it is held here,
    // not in a thread-local that would outlive this iteration on a long-lived thread.
    boolean pooled = threads > 1;
    Worker<X> caller = pooled ? null : new Worker<>(mappers.get());
    ThreadLocal<Worker<X>> workers =
        pooled ? ThreadLocal.withInitial(() -> new Worker<>(mappers.get())) : null;
    OrderedPipeline<Decoded<T>> pipeline =
        new OrderedPipeline<>(
            count,
            index -> {
              Worker<X> worker = pooled ? workers.get() : caller;
              long offset = FileHeader.SIZE + (long) index * Chunk.SIZE;
              // Decoding keeps nothing of the chunk's bytes, so each thread reads every chunk into
              // one buffer.
              byte[] bytes = worker.buffer;
              int length = source.read(offset, bytes, Chunk.SIZE);
              if (length < Chunk.SIZE) {
                Arrays.fill(
                    bytes,
                    Math.max(0, length),
                    Chunk.SIZE,
                    (byte) 0); // a short last chunk reads as before
              }
              Chunk chunk = new Chunk(bytes, length, offset);
              if (skipUnsigned && !ChunkDecoder.hasMagic(bytes)) {
                return new Decoded<>(Collections.emptyList(), null);
              }
              List<Damage> damage =
                  ChunkDecoder.decode(chunk, verifyCrc, worker.mapper, worker.templates);
              X records = worker.mapper.take();
              return new Decoded<>(damage, records == null ? null : perChunk.apply(records));
            },
            pooled ? pool() : null,
            threads * 3);
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && pipeline.hasNext()) {
          Decoded<T> d;
          try {
            d = pipeline.next();
          } catch (DecoderBugException e) {
            throw name == null ? e : e.inFile(name);
          }
          for (Damage damage : d.damage()) {
            listener.damaged(damage.fileOffset(), damage.message());
          }
          next = d.value();
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
      }
    };
  }

  private record Decoded<T>(List<Damage> damage, T value) {}

  /** One decoding thread's mapper, templates of earlier chunks and chunk buffer. */
  private static final class Worker<X> {
    final RecordMapper<X> mapper;
    final TemplateCache templates = new TemplateCache();
    final byte[] buffer = new byte[Chunk.SIZE];

    Worker(RecordMapper<X> mapper) {
      this.mapper = mapper;
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "evtx-chunk-decoder");
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  private static <X> Iterator<X> flatten(Iterator<List<X>> lists) {
    return new Iterator<>() {
      private Iterator<X> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && lists.hasNext()) {
          current = lists.next().iterator();
        }
        return current.hasNext();
      }

      @Override
      public X next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
