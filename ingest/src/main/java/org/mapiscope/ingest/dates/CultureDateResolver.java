package org.mapiscope.ingest.dates;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the local date-times Event Viewer and PowerShell write in the exporting machine's culture
 * ({@code 6/12/2009 9:14:03 AM}, {@code 12.06.2009 09:14:03}, {@code 12/06/2009 09:14:03}, ISO, …):
 * the one resolver for every culture-formatted export, event log tables and logon snapshots alike.
 * One export uses one culture, so every date narrows the patterns the file may use: once a date
 * such as {@code 13/06/2009} has been seen, {@code 03/06/2009} in the same file is the 3rd of June.
 * Until then such a date is ambiguous. Two cultures share each ambiguous shape: a 12-hour clock
 * with slashes is en-US (month first) or en-AU/en-NZ (day first); a 24-hour clock with slashes is
 * en-GB/fr/es/it (day first) or the invariant culture (month first). The first of each pair is what
 * Windows servers overwhelmingly run, so a file that never shows its order is read that way ({@link
 * #preferCommon}); the other is used only once a date proves it.
 *
 * <p>Not thread-safe: one instance per input.
 */
public final class CultureDateResolver {

  /** A culture's way of writing a date and time; {@code common} ones win an undecided tie. */
  public record CulturePattern(String name, DateTimeFormatter formatter, boolean common) {}

  /** What a date text means, as far as the file has shown so far. */
  public sealed interface Reading permits Dated, Ambiguous, Unreadable {}

  /** One meaning. */
  public record Dated(LocalDateTime time) implements Reading {}

  /** More than one meaning; the patterns that still fit with what each makes of the text. */
  public record Ambiguous(Map<CulturePattern, LocalDateTime> candidates) implements Reading {}

  /** No known culture writes dates like this (or not the culture the rest of the file uses). */
  public record Unreadable() implements Reading {}

  /** The cultures tried; no two common ones can read the same text two ways. */
  static final List<CulturePattern> PATTERNS =
      List.of(
          pattern("en-US", "M/d/uuuu h:mm[:ss] a", true),
          pattern("en-AU", "d/M/uuuu h:mm[:ss] a", false),
          pattern("en-GB, fr, es, it", "d/M/uuuu H:mm[:ss]", true),
          pattern("invariant", "M/d/uuuu H:mm[:ss]", false),
          pattern("de, ru, pl", "d.M.uuuu H:mm[:ss]", true),
          // Dots with a 12-hour clock: day first, as with a 24-hour clock.
          pattern("dotted, 12-hour", "d.M.uuuu h:mm[:ss] a", true),
          pattern("nl", "d-M-uuuu H:mm[:ss]", true),
          // Dashes with a 12-hour clock: month first unless a date proves otherwise, as with
          // slashes.
          pattern("dashed, 12-hour, month first", "M-d-uuuu h:mm[:ss] a", true),
          pattern("dashed, 12-hour, day first", "d-M-uuuu h:mm[:ss] a", false),
          pattern("ja, zh", "uuuu/M/d H:mm[:ss]", true),
          pattern("ISO 8601", "uuuu-M-d['T'][' ']H:mm[:ss]", true));

  private final Set<CulturePattern> fitting = new LinkedHashSet<>(PATTERNS);

  private static CulturePattern pattern(String name, String pattern, boolean common) {
    DateTimeFormatter formatter =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern(pattern)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);
    return new CulturePattern(name, formatter, common);
  }

  /** Reads a date text and narrows the file's culture by it. */
  public Reading read(String text) {
    String value = normalize(text);
    Map<CulturePattern, LocalDateTime> readings = new LinkedHashMap<>();
    for (CulturePattern p : fitting) {
      try {
        readings.put(p, LocalDateTime.parse(value, p.formatter()));
      } catch (DateTimeParseException e) {
        // this culture does not write it so
      }
    }
    if (readings.isEmpty()) {
      return new Unreadable();
    }
    fitting.retainAll(readings.keySet());
    return meaningOf(readings);
  }

  /** Whether the file may still be written in more than one culture. */
  public boolean undecided() {
    return fitting.size() > 1;
  }

  /** What an earlier ambiguous reading means now that the file may have shown its culture. */
  public Reading reread(Ambiguous earlier) {
    Map<CulturePattern, LocalDateTime> still = new LinkedHashMap<>(earlier.candidates());
    still.keySet().retainAll(fitting);
    return still.isEmpty() ? new Unreadable() : meaningOf(still);
  }

  /**
   * For a date the file never settled: the reading of the one common culture among the candidates;
   * still ambiguous when there is none or more than one.
   */
  public Reading preferCommon(Ambiguous undecided) {
    Map<CulturePattern, LocalDateTime> common = new LinkedHashMap<>(undecided.candidates());
    common.keySet().removeIf(p -> !p.common());
    return common.size() == 1 ? new Dated(common.values().iterator().next()) : undecided;
  }

  /** The names of the cultures the file may still be written in. */
  public List<String> fittingCultures() {
    List<String> names = new ArrayList<>();
    fitting.forEach(p -> names.add(p.name()));
    return names;
  }

  private static Reading meaningOf(Map<CulturePattern, LocalDateTime> readings) {
    LocalDateTime first = readings.values().iterator().next();
    boolean agree = readings.values().stream().allMatch(first::equals);
    return agree ? new Dated(first) : new Ambiguous(Map.copyOf(readings));
  }

  private static final java.util.regex.Pattern DATE_TIME_GAP =
      java.util.regex.Pattern.compile("^(\\d{1,4}[./-]\\d{1,2}[./-]\\d{4})[T,][ ]?");
  private static final java.util.regex.Pattern COMMA_FRACTION =
      java.util.regex.Pattern.compile("(:\\d{2}),(\\d)");
  private static final java.util.regex.Pattern DOTTED_HALF =
      java.util.regex.Pattern.compile("(?i)\\s*([ap])\\.m\\.$");
  private static final java.util.regex.Pattern GLUED_HALF =
      java.util.regex.Pattern.compile("(?i)(\\d)([ap]m)$");

  // Event Viewer puts left-to-right marks around date parts in some cultures; PowerShell may
  // write non-breaking spaces, a comma or a T between date and time, a decimal comma before the
  // fraction, and "a.m."/"p.m." or an AM/PM glued to the time. None changes the meaning.
  private static String normalize(String text) {
    String s =
        text.replace("\u200E", "")
            .replace("\u200F", "")
            .replace('\u00A0', ' ')
            .replace('\u202F', ' ')
            .strip()
            .replaceAll("\\s+", " ");
    s = DATE_TIME_GAP.matcher(s).replaceFirst("$1 ");
    s = COMMA_FRACTION.matcher(s).replaceFirst("$1.$2");
    s = DOTTED_HALF.matcher(s).replaceFirst(" $1M");
    return GLUED_HALF.matcher(s).replaceFirst("$1 $2");
  }
}
