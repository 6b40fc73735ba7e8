package org.mapiscope.ingest.eventlog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code Get-WinEvent | Export-Csv} (Message, Id, ProviderName, MachineName, TimeCreated,
 * Properties, …) and {@code Get-EventLog | Export-Csv} (EventID, InstanceId, Source, MachineName,
 * Message, ReplacementStrings, TimeGenerated, …), columns found by name in any order and any
 * selection ({@code Select-Object TimeCreated,Id,ProviderName,Message}).
 *
 * @param id column of the event id ({@code Id}, {@code EventID}, else {@code InstanceId})
 * @param source column of the source ({@code ProviderName} or {@code Source})
 * @param time column of the local time ({@code TimeCreated}, {@code TimeGenerated} or {@code
 *     TimeWritten})
 * @param message column of the description, or -1
 * @param computer column of the computer ({@code MachineName}), or -1
 * @param strings column of the insertion strings ({@code ReplacementStrings} or {@code
 *     Properties}), or -1
 * @param record column of the record number ({@code RecordId} of Get-WinEvent, {@code Index} of
 *     Get-EventLog), or -1
 */
record PowerShellLayout(
    int id,
    int source,
    int time,
    int message,
    int computer,
    int strings,
    int record,
    String description)
    implements TableLayout {

  /**
   * The layout a header names, when it names an event id, a source, a time and a description or
   * strings.
   */
  static Optional<PowerShellLayout> fromHeader(List<String> header) {
    List<String> names = header.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    int id = first(names, "id", "eventid", "instanceid");
    int source = first(names, "providername", "source");
    int time = first(names, "timecreated", "timegenerated", "timewritten");
    int message = first(names, "message");
    int strings = first(names, "replacementstrings", "properties");
    if (id < 0 || source < 0 || time < 0 || message < 0 && strings < 0) {
      return Optional.empty();
    }
    String description =
        names.contains("providername") || names.contains("timecreated")
            ? "Get-WinEvent | Export-Csv"
            : "Get-EventLog | Export-Csv";
    return Optional.of(
        new PowerShellLayout(
            id,
            source,
            time,
            message,
            first(names, "machinename"),
            strings,
            first(names, "recordid", "index"),
            description));
  }

  private static int first(List<String> names, String... wanted) {
    for (String w : wanted) {
      int at = names.indexOf(w);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }

  @Override
  public Parsed parse(List<String> fields, long line, char separator) {
    int needed =
        1
            + Math.max(
                Math.max(Math.max(id, source), record),
                Math.max(time, Math.max(message, Math.max(computer, strings))));
    if (fields.size() < needed) {
      return new BadRow(
          "the row has " + fields.size() + " values; the header names " + needed + " or more");
    }
    return new TableRow(
        line,
        fields.get(time),
        fields.get(source),
        fields.get(id),
        computer < 0 ? null : fields.get(computer),
        message < 0 ? null : fields.get(message),
        strings < 0 ? List.of() : insertionStrings(fields.get(strings)),
        record < 0 ? null : fields.get(record));
  }

  @Override
  public int decidingColumns() {
    return 1 + Math.max(id, Math.max(source, time));
  }

  @Override
  public int idColumn() {
    return id;
  }

  @Override
  public int sourceColumn() {
    return source;
  }

  @Override
  public int dateColumn() {
    return time;
  }

  @Override
  public String time(List<String> fields) {
    return fields.get(time);
  }

  /**
   * Export-Csv writes an array column as its type name ({@code System.String[]}), which carries
   * nothing; an admin who flattened it wrote {@code a|b|c}, one string a line, or PowerShell's
   * {@code {a, b, c}}. The limit and type never hold a separator, so with ", " the leading items
   * are joined back into the identity.
   */
  static List<String> insertionStrings(String cell) {
    String value = cell.strip();
    if (value.isEmpty() || value.startsWith("System.")) {
      return List.of();
    }
    if (value.startsWith("{") && value.endsWith("}")) {
      value = value.substring(1, value.length() - 1).strip();
    }
    if (value.contains("|")) {
      return Arrays.stream(value.split("\\|", -1)).map(String::strip).toList();
    }
    if (value.contains("\n")) {
      return value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
    String[] items = value.split(", ", -1);
    if (items.length > 3) {
      String identity = String.join(", ", Arrays.copyOfRange(items, 0, items.length - 2));
      return List.of(identity, items[items.length - 2], items[items.length - 1]);
    }
    return Arrays.stream(items).map(String::strip).toList();
  }
}
