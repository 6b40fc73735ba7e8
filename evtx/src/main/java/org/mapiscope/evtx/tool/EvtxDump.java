package org.mapiscope.evtx.tool;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.mapiscope.evtx.DamageListener;
import org.mapiscope.evtx.DecoderBugException;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.EvtxJson;
import org.mapiscope.evtx.EvtxParser;
import org.mapiscope.evtx.EvtxXml;
import org.mapiscope.evtx.XmlRecord;
import org.mapiscope.evtx.evt.EvtFormatException;
import org.mapiscope.evtx.evt.EvtParser;

/**
 * Dumps {@code .evtx} (and legacy {@code .evt}) files as JSON lines or XML, in file order. Damage
 * goes to the error stream as {@code file: offset 0x…: message}; reading always goes on.
 *
 * <pre>
 * java -cp mapiscope-evtx.jar org.mapiscope.evtx.tool.EvtxDump [--format jsonl|xml] [--id N]
 *      [--provider NAME] [--threads N] FILE...
 * </pre>
 */
public final class EvtxDump {

  /** Exit code: at least one file was readable. */
  public static final int OK = 0;

  /** Exit code: bad arguments. */
  public static final int USAGE = 1;

  /** Exit code: no file could be read as an event log. */
  public static final int NOTHING_READABLE = 2;

  /** Exit code: a bug in the decoder ({@link DecoderBugException}); please report it. */
  public static final int INTERNAL = 3;

  /** Most bytes copied from a pipe or device before reading it (tests lower it). */
  static long spoolLimit = 4L << 30;

  private EvtxDump() {}

  public static void main(String[] args) {
    System.exit(main(args, System.out, System.err));
  }

  /** Parses {@code args} and runs; returns the exit code. */
  static int main(String[] args, PrintStream out, PrintStream err) {
    DumpOptions options;
    try {
      options = DumpOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      err.println("evtx: " + e.getMessage());
      err.println(DumpOptions.USAGE);
      return USAGE;
    }
    try {
      return run(options, out, err);
    } catch (DecoderBugException e) {
      out.flush();
      err.println("evtx: internal error: " + e.getMessage() + "; please report it");
      return INTERNAL;
    }
  }

  /**
   * Dumps the files of {@code options} to {@code out}.
   *
   * @return {@link #OK}, {@link #USAGE} when a file does not exist (nothing is dumped then), or
   *     {@link #NOTHING_READABLE}
   * @throws DecoderBugException for a bug in the decoder (not for damage, which goes to {@code
   *     err})
   */
  public static int run(DumpOptions options, PrintStream out, PrintStream err) {
    List<Path> files = options.files();
    Integer eventIdFilter = options.eventId();
    String providerFilter = options.provider();
    int threads = options.threads();
    for (Path file : files) {
      if (Files.notExists(file)) {
        err.println("evtx: no such file or folder: " + file);
        return USAGE;
      }
    }
    boolean xml = options.format() == DumpOptions.Format.XML;
    Predicate<EventRecord> keep =
        r ->
            (eventIdFilter == null || r.eventId() == eventIdFilter)
                && (providerFilter == null || providerFilter.equalsIgnoreCase(r.provider()));
    int readable = 0;
    BufferedOutputStream sink = new BufferedOutputStream(out, 1 << 16);
    try {
      if (xml) {
        sink.write(EvtxXml.DOCUMENT_START.getBytes(StandardCharsets.UTF_8));
      }
      for (Path file : files) {
        if (dumpFile(file, xml, eventIdFilter, providerFilter, keep, threads, sink, err)) {
          readable++;
        }
      }
      if (xml) {
        sink.write(EvtxXml.DOCUMENT_END.getBytes(StandardCharsets.UTF_8));
      }
      sink.flush();
    } catch (IOException e) {
      err.println("evtx: cannot write output: " + e.getMessage());
    }
    return readable > 0 ? OK : NOTHING_READABLE;
  }

  /** Returns whether the file was readable as an event log. */
  private static boolean dumpFile(
      Path file,
      boolean xml,
      Integer eventIdFilter,
      String providerFilter,
      Predicate<EventRecord> keep,
      int threads,
      OutputStream sink,
      PrintStream err)
      throws IOException {
    if (Files.isDirectory(file)) {
      err.println(file + ": cannot read: is a folder, not an event log file");
      return false;
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      return dumpSpooled(file, xml, eventIdFilter, providerFilter, keep, threads, sink, err);
    }
    return dumpFile(file, file, xml, eventIdFilter, providerFilter, keep, threads, sink, err);
  }

  /**
   * A pipe, FIFO or device cannot be read twice or at chunk offsets: it is copied to a temporary
   * file first (at most {@link #spoolLimit} bytes), which is read like any file and then deleted.
   */
  private static boolean dumpSpooled(
      Path file,
      boolean xml,
      Integer eventIdFilter,
      String providerFilter,
      Predicate<EventRecord> keep,
      int threads,
      OutputStream sink,
      PrintStream err)
      throws IOException {
    err.println(
        file
            + ": not a regular file (a pipe or device): copying it to a temporary file first (at"
            + " most "
            + sizeText(spoolLimit)
            + ")");
    Path tmp;
    try {
      tmp = Files.createTempFile("mapiscope-evtx-", ".spool"); // owner-only on POSIX
    } catch (IOException e) {
      err.println(file + ": cannot create a temporary file to copy it to: " + reason(e));
      return false;
    }
    try {
      long copied;
      try (InputStream in = Files.newInputStream(file);
          OutputStream to = Files.newOutputStream(tmp)) {
        copied = copyAtMost(in, to, spoolLimit);
      } catch (IOException e) {
        err.println(file + ": cannot read: " + reason(e));
        return false;
      }
      if (copied > spoolLimit) {
        err.println(
            file
                + ": more than "
                + sizeText(spoolLimit)
                + " from a pipe or device: not read; "
                + "save it to a file and give that file instead");
        return false;
      }
      return dumpFile(tmp, file, xml, eventIdFilter, providerFilter, keep, threads, sink, err);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Copies {@code in} to {@code out} up to {@code limit} bytes; returns the count, above the limit
   * when there was more.
   */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (total + n > limit) {
        return limit + 1;
      }
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static String sizeText(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes + " bytes";
  }

  /** The operating system's reason, in words, without repeating the path. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Dumps {@code file}, naming it {@code shown} in messages. */
  private static boolean dumpFile(
      Path file,
      Path shown,
      boolean xml,
      Integer eventIdFilter,
      String providerFilter,
      Predicate<EventRecord> keep,
      int threads,
      OutputStream sink,
      PrintStream err)
      throws IOException {
    DamageListener damage =
        (offset, message) ->
            err.println(shown + ": offset 0x" + Long.toHexString(offset) + ": " + message);
    try {
      Kind kind = kindOf(file);
      if (kind == Kind.EVT) {
        return dumpEvt(file, xml, keep, damage, sink);
      }
      // Without the file signature, chunks are still searched: a wiped header must not hide
      // records.
      boolean[] evtx = {kind == Kind.EVTX};
      DamageListener reported =
          (offset, message) -> {
            if (evtx[0]) {
              damage.damaged(offset, message);
            }
          };
      boolean anyRecords = false;
      try (EvtxParser reader = EvtxParser.open(file, reported).parallelism(threads)) {
        evtx[0] = evtx[0] || reader.chunkSignatures() > 0; // a wiped header: the chunks say EVTX
        if (xml) {
          Iterator<byte[]> chunks = reader.mapXmlChunks(list -> xmlBytes(list, keep));
          while (chunks.hasNext()) {
            sink.write(chunks.next());
            anyRecords = true;
          }
        } else {
          anyRecords = reader.writeJsonLines(sink, eventIdFilter, providerFilter);
        }
      }
      if (!evtx[0] && !anyRecords) {
        err.println(
            shown + ": not an EVTX or EVT event log (no ElfFile, ElfChnk or LfLe signature)");
        return false;
      }
      return true;
    } catch (UncheckedIOException e) {
      err.println(shown + ": cannot read: " + reason(e.getCause()));
      return false;
    } catch (EvtFormatException e) {
      err.println(shown + ": " + e.getMessage());
      return false;
    } catch (IOException e) {
      err.println(shown + ": cannot read: " + reason(e));
      return false;
    }
  }

  private static boolean dumpEvt(
      Path file, boolean xml, Predicate<EventRecord> keep, DamageListener damage, OutputStream sink)
      throws IOException {
    try (EvtParser reader = EvtParser.open(file, damage)) {
      Iterator<EventRecord> it = reader.stream().filter(keep).iterator();
      while (it.hasNext()) {
        EventRecord r = it.next();
        if (xml) {
          sink.write(EvtxXml.render(r).getBytes(StandardCharsets.UTF_8));
          sink.write('\n');
        } else {
          EvtxJson.writeLine(r, sink);
        }
      }
    }
    return true;
  }

  private static byte[] xmlBytes(List<XmlRecord> list, Predicate<EventRecord> keep) {
    StringBuilder sb = new StringBuilder(list.size() * 1024);
    for (XmlRecord r : list) {
      if (keep.test(r.record())) {
        sb.append(r.xml()).append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private enum Kind {
    EVTX,
    EVT,
    UNKNOWN
  }

  /** Decided by content, never by file name: {@code ElfFile\0} at 0, or {@code LfLe} at 4. */
  private static Kind kindOf(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(8);
      int n = 0;
      while (head.hasRemaining() && n >= 0) {
        n = ch.read(head);
      }
      byte[] b = head.array();
      if (head.position() == 8
          && new String(b, 0, 8, StandardCharsets.ISO_8859_1).equals("ElfFile\0")) {
        return Kind.EVTX;
      }
      if (head.position() == 8 && new String(b, 4, 4, StandardCharsets.ISO_8859_1).equals("LfLe")) {
        return Kind.EVT;
      }
      return Kind.UNKNOWN;
    }
  }
}
