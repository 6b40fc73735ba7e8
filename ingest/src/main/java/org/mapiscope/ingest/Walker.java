package org.mapiscope.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mapiscope.ingest.archive.ArchiveLimitException;
import org.mapiscope.ingest.archive.EntryNames;
import org.mapiscope.ingest.archive.ExpansionBudget;
import org.mapiscope.ingest.archive.Magic;
import org.mapiscope.model.InputOutcome;

/**
 * Finds every input under the roots, in a deterministic order, and decides each file's format from
 * its first bytes, taking its {@link Fingerprint} from the same bytes. Runs on the calling thread;
 * holds no file content, only what each file is. Zip files on disk stay open (random access) until
 * {@link #close()}.
 */
final class Walker implements Closeable {

  /** Windows tools write zip entry names in the OEM code page unless the UTF-8 flag is set. */
  static final Charset ZIP_NAMES = Charset.forName("IBM437");

  private final FormatRegistry registry;
  private final ExpansionBudget budget;
  private final List<ZipFile> openZips = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();

  Walker(FormatRegistry registry, ExpansionBudget budget) {
    this.registry = registry;
    this.budget = budget;
  }

  List<Unit> walk(List<Path> roots) {
    for (Listing.Entry entry : Listing.list(roots)) {
      if (entry instanceof Listing.Entry.Found found) {
        file(found.file());
      } else {
        Listing.Entry.NotFound not = (Listing.Entry.NotFound) entry;
        units.add(new Unit.Rejected(not.displayPath(), not.outcome(), not.message()));
      }
    }
    return units;
  }

  /** Walks one file the listing (or a caller on another file system) found. */
  List<Unit> walk(SourceFile source) {
    file(source);
    return units;
  }

  private void file(SourceFile source) {
    Path path = source.local();
    List<String> enclosing = source.enclosing();
    String display = source.displayPath();
    String name = path.getFileName().toString();
    String location = source.location();
    try {
      Magic magic;
      try (InputStream in = Files.newInputStream(path)) {
        byte[] head = in.readNBytes(4);
        magic = Magic.of(head, head.length);
      }
      long size = Files.size(path);
      switch (magic) {
        case ZIP -> zip(path, display, enclosing, size);
        case GZIP -> {
          InputFile gz =
              new Inputs.Gzipped(path, display, ServerHints.of(enclosing, innerName(name)), budget);
          contentOf(gz, innerName(name), enclosing, location, 1, size);
        }
        case NONE -> {
          InputFile plain = new Inputs.OnDisk(path, display, ServerHints.of(enclosing, name));
          units.add(leaf(plain, name, location, size));
        }
      }
    } catch (IOException | RuntimeException e) {
      units.add(new Unit.Rejected(display, rejectedOutcome(e), message(display, e)));
    }
  }

  private void zip(Path path, String zipDisplay, List<String> enclosing, long size)
      throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile(), ZIP_NAMES);
    } catch (ZipException e) {
      // Starts like a zip, but its central directory is missing or damaged (cut short,
      // overwritten).
      throw new ZipException(
          "damaged zip archive, no entry can be listed (" + e.getMessage() + ")");
    }
    openZips.add(zip);
    List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
    entries.sort(Comparator.comparing(ZipEntry::getName, NaturalOrder.INSTANCE));
    List<String> inZip = new ArrayList<>(enclosing);
    inZip.add(path.getFileName().toString());
    for (ZipEntry entry : entries) {
      String display = zipDisplay + "!/" + entry.getName();
      var refusal = EntryNames.refusal(entry.getName());
      if (refusal.isPresent()) {
        units.add(
            new Unit.Rejected(
                display, InputOutcome.REFUSED, display + " refused: " + refusal.get()));
        continue;
      }
      if (entry.isDirectory()) {
        continue;
      }
      List<String> entryEnclosing = new ArrayList<>(inZip);
      String[] parts = entry.getName().replace('\\', '/').split("/");
      entryEnclosing.addAll(List.of(parts).subList(0, parts.length - 1));
      String name = parts[parts.length - 1];
      InputFile input =
          new Inputs.ZipEntryFile(
              zip, entry, display, ServerHints.of(entryEnclosing, name), budget);
      String location = display.substring(0, display.length() - name.length());
      try {
        contentOf(input, name, entryEnclosing, location, 1, Math.max(0, entry.getCompressedSize()));
      } catch (IOException | RuntimeException e) {
        units.add(new Unit.Rejected(display, rejectedOutcome(e), message(display, e)));
      }
    }
  }

  /**
   * Decides what decompressed content at archive depth {@code depth} is: another archive, or a file
   * to read.
   */
  private void contentOf(
      InputFile input, String name, List<String> enclosing, String location, int depth, long stored)
      throws IOException {
    Sniff sniff;
    try (InputStream in = new BufferedInputStream(input.open(), Inputs.BUFFER)) {
      sniff = Sniff.of(name, in.readNBytes(Sniff.HEAD_BYTES));
    }
    if (Magic.of(sniff.head(), sniff.head().length).isArchive()) {
      if (depth + 1 > budget.limits().maxDepth()) {
        units.add(
            new Unit.Rejected(
                input.displayPath(),
                InputOutcome.REFUSED,
                input.displayPath()
                    + " refused: archives nested deeper than "
                    + budget.limits().maxDepth()
                    + " levels"));
      } else {
        units.add(
            new Unit.Nested(
                input,
                enclosing,
                name,
                depth + 1,
                stored,
                Fingerprint.of(input, sniff.head(), input.size())));
      }
      return;
    }
    units.add(
        new Unit.Leaf(
            input,
            registry.detect(sniff).orElse(null),
            location,
            stored,
            Fingerprint.of(input, sniff.head(), input.size())));
  }

  private Unit leaf(InputFile input, String name, String location, long size) throws IOException {
    Sniff sniff = Inputs.sniff(input, name);
    return new Unit.Leaf(
        input,
        registry.detect(sniff).orElse(null),
        location,
        size,
        Fingerprint.of(input, sniff.head(), size));
  }

  /** {@code RCA_1.LOG.gz} holds {@code RCA_1.LOG}. */
  static String innerName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".gz") && name.length() > 3) {
      return name.substring(0, name.length() - 3);
    }
    if (lower.endsWith(".tgz")) {
      return name.substring(0, name.length() - 4) + ".tar";
    }
    return name;
  }

  static InputOutcome rejectedOutcome(Exception e) {
    return e instanceof ArchiveLimitException ? InputOutcome.REFUSED : InputOutcome.UNREADABLE;
  }

  static String message(String display, Exception e) {
    if (e instanceof ArchiveLimitException) {
      return e.getMessage();
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return display + " could not be read: " + why;
  }

  @Override
  public void close() {
    for (ZipFile zip : openZips) {
      try {
        zip.close();
      } catch (IOException e) {
        // Closing a read-only zip cannot lose data.
      }
    }
  }
}
