package org.mapiscope.ingest.eventlog;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.dates.CultureDateResolver;
import org.mapiscope.ingest.dates.CultureDateResolver.Ambiguous;
import org.mapiscope.ingest.dates.CultureDateResolver.Dated;
import org.mapiscope.ingest.dates.CultureDateResolver.Reading;
import org.mapiscope.ingest.eventlog.TableLayout.BadRow;
import org.mapiscope.ingest.eventlog.TableLayout.Parsed;
import org.mapiscope.ingest.eventlog.TableLayout.Recognised;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;

/**
 * Reads an exported event table (CSV or tab-separated) row by row with FastCSV: recognises its
 * {@link TableLayout}, counts every event, turns each 9646 of the information store into a {@link
 * LimitEvent} with its local time converted to UTC in {@link ReadContext#timezone()}. Rows are told
 * apart by their event id and source before anything else is read of them ({@link
 * EventRowHandler}): the descriptions of other events are never turned into strings.
 *
 * <p>A 9646 whose date could be read two ways (day/month order) waits until a later date in the
 * file shows the culture; at most {@link #MAX_WAITING} wait, so memory stays bounded. Those the
 * file never settles are read in the common culture of their shape ({@link CultureDateResolver}),
 * or skipped as ambiguous when there is none. Not thread-safe: one instance per input.
 */
final class EventTable {

  /** How many 9646 rows may wait for the file to show its date order. */
  static final int MAX_WAITING = 10_000;

  /** How many records detection looks at. */
  private static final int HEAD_RECORDS = 3;

  private record Waiting(TableRow row, Ambiguous reading) {}

  private final InputFile input;
  private final ReadContext context;
  private final char separator;
  private final CultureDateResolver dates = new CultureDateResolver();
  private final Deque<Waiting> waiting = new ArrayDeque<>();

  /** The day of the last other event whose date was read, to read each day once. */
  private final char[] lastDay = new char[64];

  private int dayLength = -1;

  private EventTable(InputFile input, ReadContext context, char separator) {
    this.input = input;
    this.context = context;
    this.separator = separator;
  }

  /** Whether the text starts like an event table with one of these separators. Never throws. */
  static boolean detect(String head, char... separators) {
    return separatorOf(head, separators) != 0;
  }

  /**
   * The first of the separators with which the text starts like an event table, or 0. Never throws.
   */
  private static char separatorOf(String head, char... separators) {
    for (char separator : separators) {
      if (detect(head, separator)) {
        return separator;
      }
    }
    return 0;
  }

  private static boolean detect(String head, char separator) {
    EventRowHandler rows = new EventRowHandler();
    try (CsvReader<EventRowHandler> csv = csv(rows, new StringReader(head), separator)) {
      List<List<String>> first = new ArrayList<>();
      for (EventRowHandler row : csv) {
        first.add(row.fields());
        if (first.size() == HEAD_RECORDS) {
          break;
        }
      }
      return TableLayout.recognise(first).isPresent();
    } catch (CsvParseException | IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Reads the whole table, split by the first of the separators its head fits: {@code Export-Csv
   * -UseCulture} writes {@code ;} where the culture's decimal separator is a comma (German, French,
   * …).
   *
   * @throws IOException when the input cannot be read
   */
  static void read(InputFile input, ReadContext context, char... separators) throws IOException {
    BoundedLineReader lines =
        new BoundedLineReader(
            EventText.reader(input.open()),
            BoundedLineReader.reportingTo(context, input.displayPath()));
    try (BufferedReader text = new BufferedReader(lines.asReader(), Sniff.HEAD_BYTES)) {
      char separator = separators[0];
      if (separators.length > 1) {
        text.mark(Sniff.HEAD_BYTES);
        char[] head = new char[Sniff.HEAD_BYTES];
        int length = 0;
        int n;
        while (length < head.length && (n = text.read(head, length, head.length - length)) > 0) {
          length += n;
        }
        text.reset();
        char fitting = separatorOf(new String(head, 0, length), separators);
        separator = fitting != 0 ? fitting : separator;
      }
      new EventTable(input, context, separator).read(text);
    }
  }

  private void read(Reader text) throws IOException {
    EventRowHandler rows = new EventRowHandler();
    try (CsvReader<EventRowHandler> csv = csv(rows, text, separator)) {
      CloseableIterator<EventRowHandler> records = csv.iterator();
      List<List<String>> head = new ArrayList<>();
      List<Long> headLines = new ArrayList<>();
      long lastLine = 0;
      try {
        while (head.size() < HEAD_RECORDS && records.hasNext()) {
          EventRowHandler row = records.next();
          head.add(row.fields());
          headLines.add(row.line());
        }
        Optional<Recognised> recognised = TableLayout.recognise(head);
        if (recognised.isEmpty()) {
          context.skip(
              EvidenceRef.line(input.displayPath(), 1),
              "the file does not start like an event table export");
          return;
        }
        TableLayout layout = recognised.get().layout();
        for (int i = recognised.get().headerRecords(); i < head.size(); i++) {
          lastLine = headLines.get(i);
          readRow(layout, head.get(i), lastLine);
        }
        rows.decideBy(layout);
        while (records.hasNext()) {
          EventRowHandler row = records.next();
          lastLine = row.line();
          if (row.isOther()) {
            countOther(layout, row);
          } else {
            readRow(layout, row.fields(), lastLine);
          }
        }
      } catch (CsvParseException e) {
        // FastCSV gives up on a field longer than its buffer (an unclosed quote swallows the rest).
        context.skip(
            EvidenceRef.line(input.displayPath(), lastLine + 1),
            "the rest of the file cannot be read as CSV: " + e.getMessage());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Waiting w : waiting) {
      settle(w.row(), undecided(w));
    }
  }

  private static <T> CsvReader<T> csv(CsvCallbackHandler<T> handler, Reader text, char separator) {
    return CsvReader.builder()
        .fieldSeparator(separator)
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .build(handler, text);
  }

  /**
   * An event other than 9646 is counted; while the file has not shown its day and month order, its
   * date may show it. Only a new day can: one file is written in one culture, and rows of the same
   * day differ only in the time, which both readings of a date share.
   */
  private void countOther(TableLayout layout, EventRowHandler row) {
    context.count();
    if (!dates.undecided() || dayLength >= 0 && row.sameDay(lastDay, dayLength)) {
      return;
    }
    dayLength = row.copyDay(lastDay);
    if (dates.read(layout.time(row.fields())) instanceof Dated) {
      settleWaiting();
    }
  }

  private void readRow(TableLayout layout, List<String> fields, long line) {
    EvidenceRef ref = EvidenceRef.line(input.displayPath(), line);
    Parsed parsed = layout.parse(fields, line, separator);
    if (parsed instanceof BadRow bad) {
      context.skip(ref, bad.reason());
      return;
    }
    TableRow row = (TableRow) parsed;
    if (!TableLayout.isInteger(row.eventId())) {
      context.skip(ref, "the event id \"" + row.eventId().strip() + "\" is not a number");
      return;
    }
    if (!LimitEventParser.isLimitEvent(row.source(), Long.parseLong(row.eventId().strip()))) {
      context.count();
      if (dates.undecided() && dates.read(row.time()) instanceof Dated) {
        settleWaiting(); // any event's date may show the file's culture
      }
      return;
    }
    Reading reading = dates.read(row.time());
    if (reading instanceof Ambiguous ambiguous) {
      waiting.addLast(new Waiting(row, ambiguous));
      if (waiting.size() > MAX_WAITING) {
        Waiting oldest = waiting.removeFirst();
        settle(oldest.row(), undecided(oldest));
      }
      return;
    }
    if (reading instanceof Dated) {
      settleWaiting(); // they come earlier in the file
    }
    settle(row, reading);
  }

  private Reading undecided(Waiting w) {
    Reading now = dates.reread(w.reading());
    return now instanceof Ambiguous still ? dates.preferCommon(still) : now;
  }

  /** Emits the waiting rows a newly seen date has made clear, in file order. */
  private void settleWaiting() {
    int n = waiting.size();
    for (int i = 0; i < n; i++) {
      Waiting w = waiting.removeFirst();
      Reading now = dates.reread(w.reading());
      if (now instanceof Ambiguous still) {
        waiting.addLast(new Waiting(w.row(), still));
      } else {
        settle(w.row(), now);
      }
    }
  }

  private void settle(TableRow row, Reading reading) {
    EvidenceRef ref = EvidenceRef.line(input.displayPath(), row.line());
    if (reading instanceof Ambiguous ambiguous) {
      context.skip(
          ref,
          "Event 9646: the date \""
              + row.time().strip()
              + "\" can be read "
              + ambiguous.candidates().size()
              + " ways (day and month order) and no other date in the file settles which");
      return;
    }
    if (!(reading instanceof Dated dated)) {
      context.skip(
          ref,
          "Event 9646: the date \""
              + row.time().strip()
              + "\" is not written in a known culture's format"
              + " (this file: "
              + String.join("; ", dates.fittingCultures())
              + ")");
      return;
    }
    LocalDateTime local = dated.time();
    String server =
        row.computer() == null || row.computer().isBlank()
            ? input.serverHint()
            : row.computer().strip();
    Optional<LimitEvent> limit =
        LimitEventParser.fromMessage(
            local.atZone(context.timezone()).toInstant(), server, row.message(), ref);
    if (limit.isEmpty()) {
      limit =
          LimitEventParser.fromInsertionStrings(
              local.atZone(context.timezone()).toInstant(), server, row.strings(), ref);
    }
    Long recordId = RecordIds.parse(row.recordId());
    limit
        .map(e -> e.withRecordId(recordId))
        .ifPresentOrElse(
            context::emit,
            () ->
                context.skip(
                    ref,
                    "Event 9646: the description names no session, limit and object type: \""
                        + abbreviate(row.message())
                        + "\""));
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 120 ? flat : flat.substring(0, 117) + "…";
  }
}
