package org.mapiscope.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mapiscope.ingest.archive.ArchiveLimitException;
import org.mapiscope.ingest.archive.CountingInputStream;
import org.mapiscope.ingest.archive.EntryNames;
import org.mapiscope.ingest.archive.ExpansionBudget;
import org.mapiscope.ingest.archive.ExpansionGuard;
import org.mapiscope.ingest.archive.Magic;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;

/**
 * Streams an archive found inside an archive, entry by entry, in stored order, on one worker: there
 * is no random access into it, and nothing is extracted. Each entry is sniffed from a marked buffer
 * and handed to its reader as a one-shot {@link InputFile}.
 */
final class NestedArchive {

  private final FormatRegistry registry;
  private final ExpansionBudget budget;
  private final FileReading reading;

  NestedArchive(FormatRegistry registry, ExpansionBudget budget, FileReading reading) {
    this.registry = registry;
    this.budget = budget;
    this.reading = reading;
  }

  List<InputSummary> read(Unit.Nested nested, OrderedSink.Batch batch) {
    List<InputSummary> out = new ArrayList<>();
    String display = nested.displayPath();
    try (InputStream in = nested.container().open()) {
      content(
          new BufferedInputStream(in, Inputs.BUFFER),
          display,
          nested.name(),
          nested.enclosing(),
          nested.depth() - 1,
          batch,
          out);
    } catch (IOException | RuntimeException e) {
      if (e instanceof OrderedSink.SinkFailure failure) {
        throw failure;
      }
      out.add(
          InputSummary.notRead(
              display,
              Walker.rejectedOutcome(e),
              List.of(new InputError(display, Walker.message(display, e)))));
    }
    return out;
  }

  /**
   * Content at archive depth {@code depth}: an archive to open (one level deeper) or a file to
   * read.
   */
  private void content(
      BufferedInputStream in,
      String display,
      String name,
      List<String> enclosing,
      int depth,
      OrderedSink.Batch batch,
      List<InputSummary> out)
      throws IOException {
    Sniff sniff = Inputs.peek(in, name);
    Magic magic = Magic.of(sniff.head(), sniff.head().length);
    if (magic.isArchive() && depth + 1 > budget.limits().maxDepth()) {
      out.add(
          refused(
              display, "archives nested deeper than " + budget.limits().maxDepth() + " levels"));
      return;
    }
    switch (magic) {
      case GZIP -> {
        String inner = Walker.innerName(name);
        InputStream gunzipped = Inputs.gunzip(in, display, budget);
        content(
            new BufferedInputStream(gunzipped, Inputs.BUFFER),
            display,
            inner,
            enclosing,
            depth + 1,
            batch,
            out);
      }
      case ZIP -> zip(in, display, name, enclosing, depth + 1, batch, out);
      case NONE -> {
        InputFile input = new Inputs.Streamed(in, display, ServerHints.of(enclosing, name));
        out.add(reading.read(input, registry.detect(sniff).orElse(null), batch));
      }
    }
  }

  private void zip(
      InputStream in,
      String display,
      String name,
      List<String> enclosing,
      int depth,
      OrderedSink.Batch batch,
      List<InputSummary> out)
      throws IOException {
    CountingInputStream counted = new CountingInputStream(in);
    ZipInputStream zip = new ZipInputStream(counted, Walker.ZIP_NAMES);
    List<String> inZip = new ArrayList<>(enclosing);
    inZip.add(name);
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      String entryDisplay = display + "!/" + entry.getName();
      var refusal = EntryNames.refusal(entry.getName());
      if (refusal.isPresent()) {
        out.add(refused(entryDisplay, refusal.get()));
        continue;
      }
      if (entry.isDirectory()) {
        continue;
      }
      String[] parts = entry.getName().replace('\\', '/').split("/");
      List<String> entryEnclosing = new ArrayList<>(inZip);
      entryEnclosing.addAll(List.of(parts).subList(0, parts.length - 1));
      long start = counted.count();
      ExpansionGuard guarded =
          new ExpansionGuard(zip, entryDisplay, () -> counted.count() - start, budget);
      content(
          new BufferedInputStream(guarded, Inputs.BUFFER),
          entryDisplay,
          parts[parts.length - 1],
          entryEnclosing,
          depth,
          batch,
          out);
      try {
        guarded.drain();
      } catch (ArchiveLimitException e) {
        // A refused entry cannot be skipped safely: the stream would inflate it unguarded.
        boolean reported =
            !out.isEmpty()
                && out.get(out.size() - 1).errors().stream()
                    .anyMatch(err -> err.message().equals(e.getMessage()));
        if (!reported) {
          out.add(rejected(entryDisplay, e.getMessage()));
        }
        return;
      }
    }
  }

  private static InputSummary refused(String display, String why) {
    return rejected(display, display + " refused: " + why);
  }

  private static InputSummary rejected(String display, String message) {
    return InputSummary.notRead(
        display, InputOutcome.REFUSED, List.of(new InputError(display, message)));
  }
}
