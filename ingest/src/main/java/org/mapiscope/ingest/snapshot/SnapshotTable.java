package org.mapiscope.ingest.snapshot;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.TextDecoding;

/**
 * A PowerShell {@code Export-Csv} table: an optional {@code #TYPE …} line, a header of property
 * names, one row per object. The delimiter is read from the header, since {@code -UseCulture}
 * writes the culture's list separator ({@code ;} in much of Europe). Not thread-safe.
 */
final class SnapshotTable implements Closeable, Iterable<SnapshotTable.Row> {

  /** One data row and the line it starts on. */
  record Row(long line, List<String> fields, Map<String, Integer> header) {

    /** The named column's value, stripped; empty when the table has no such column. */
    String get(String column) {
      Integer i = header.get(column.toLowerCase(Locale.ROOT));
      return i == null || i >= fields.size() ? "" : fields.get(i).strip();
    }
  }

  private final CsvReader<CsvRecord> csv;
  private final Map<String, Integer> header = new HashMap<>();
  private final List<String> headerNames;
  private final Iterator<CsvRecord> records;

  SnapshotTable(InputFile input, BoundedLineReader.Overlong overlong) throws IOException {
    BufferedReader reader =
        new BufferedReader(TextDecoding.lines(input.open(), overlong).asReader(), 1 << 16);
    try {
      char delimiter = delimiter(reader);
      csv =
          CsvReader.builder()
              .fieldSeparator(delimiter)
              .commentStrategy(CommentStrategy.SKIP)
              .commentCharacter('#')
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .ofCsvRecord(reader);
      records = csv.iterator();
      headerNames = records.hasNext() ? records.next().getFields() : List.of();
      for (int i = 0; i < headerNames.size(); i++) {
        header.putIfAbsent(headerNames.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  boolean has(String column) {
    return header.containsKey(column.toLowerCase(Locale.ROOT));
  }

  int columns() {
    return headerNames.size();
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        CsvRecord r = records.next();
        return new Row(r.getStartingLineNumber(), r.getFields(), header);
      }
    };
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }

  /**
   * The header line's most frequent of comma, semicolon and tab, from the first 64 Ki characters;
   * the reader is left where it was.
   */
  private static char delimiter(BufferedReader reader) throws IOException {
    reader.mark(1 << 16);
    char[] head = new char[1 << 16];
    int length = 0;
    int n;
    while (length < head.length && (n = reader.read(head, length, head.length - length)) > 0) {
      length += n;
    }
    reader.reset();
    return delimiterOf(headerLine(new String(head, 0, length)));
  }

  /** The separator a header line uses (comma unless semicolons or tabs outnumber commas). */
  static char delimiterOf(String header) {
    long commas = header.chars().filter(c -> c == ',').count();
    long semis = header.chars().filter(c -> c == ';').count();
    long tabs = header.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs > semis) {
      return '\t';
    }
    return semis > commas ? ';' : ',';
  }

  /**
   * The header line of a sniffed snapshot: the first line that is neither blank nor a {@code #TYPE}
   * comment.
   */
  static String headerLine(String text) {
    for (String line : text.split("\r?\n", 20)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        return line;
      }
    }
    return "";
  }
}
