package org.mapiscope.ingest.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mapiscope.ingest.eventlog.EnglishLimitEventParser.Fields;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.ExchangeDefaults;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.UserKeys;

/**
 * Turns one Event 9646 — from its rendered description or from its three insertion strings — into a
 * {@link LimitEvent}. Every reader of event logs (XML, CSV/TXT, EVTX, EVT) goes through here, so
 * all of them agree on identities, user keys and object types.
 *
 * <p>Stateless and thread-safe. Nothing here throws for bad content: text that is not a 9646 gives
 * an empty result, and the caller reports the record as skipped.
 */
public final class LimitEventParser {

  private LimitEventParser() {}

  /**
   * The event id of "MAPI session exceeded the maximum of N objects" (low 16 bits; docs/domain.md).
   */
  public static final int EVENT_ID = ExchangeDefaults.LIMIT_EVENT_ID;

  /**
   * The event source of the information store. Exchange 2003 stores also log as {@code MSExchangeIS
   * Mailbox Store} / {@code MSExchangeIS Public Store}, and Microsoft's own management pack matches
   * {@code MSExchangeIS*} (docs/domain.md), so any source that starts with this name counts.
   */
  public static final String SOURCE_PREFIX = ExchangeDefaults.STORE_EVENT_SOURCE;

  /**
   * Whether an event with this source and id is a 9646; the id may be the full 32-bit value with
   * qualifiers.
   */
  public static boolean isLimitEvent(String source, long eventId) {
    return (eventId & 0xFFFF) == EVENT_ID && isStoreSource(source);
  }

  /** Whether a provider or source name is the Exchange information store's. */
  public static boolean isStoreSource(String source) {
    return source != null
        && source
            .strip()
            .toLowerCase(Locale.ROOT)
            .startsWith(SOURCE_PREFIX.toLowerCase(Locale.ROOT));
  }

  /**
   * Reads a rendered 9646 description: in any known English wording (docs/domain.md); else, when
   * Windows could not render it ("The description for Event ID 9646 … cannot be found"), from the
   * insertion strings it still carries; else, in any other language, by its structure ({@link
   * LocalizedLimitEventParser}). Call it only for an event whose source and id say it is a 9646 of
   * the information store ({@link #isLimitEvent}): the structural reading is loose about words and
   * relies on that.
   *
   * @param time when the event was logged (UTC)
   * @param server the computer that logged it, or {@code null} when the evidence does not say
   * @param message the description as exported
   * @param ref where the event was read
   * @return the event, or empty when the text is not a 9646 description
   */
  public static Optional<LimitEvent> fromMessage(
      Instant time, String server, String message, EvidenceRef ref) {
    Optional<Fields> english = EnglishLimitEventParser.parse(message);
    if (english.isPresent()) {
      return Optional.of(build(time, server, english.get(), ref));
    }
    Optional<LimitEvent> unrendered =
        MissingDescription.insertionStrings(message)
            .flatMap(strings -> fromInsertionStrings(time, server, strings, ref));
    if (unrendered.isPresent()) {
      return unrendered;
    }
    return LocalizedLimitEventParser.parse(message).map(fields -> build(time, server, fields, ref));
  }

  /**
   * Reads the insertion strings of a 9646 ({@code <EventData><Data>} in order): %1 the session
   * identity (legacyExchangeDN, GUID, or {@code GUID: DN}), %2 the limit, %3 the object type.
   * Should a later version put another string in between, the limit is the first number after the
   * identity and the type the next string after it.
   *
   * @param time when the event was logged (UTC)
   * @param server the computer that logged it, or {@code null} when the evidence does not say
   * @param strings the insertion strings in order
   * @param ref where the event was read
   * @return the event, or empty when the strings do not name an identity, a limit and a type
   */
  public static Optional<LimitEvent> fromInsertionStrings(
      Instant time, String server, List<String> strings, EvidenceRef ref) {
    if (strings == null
        || strings.size() < 3
        || strings.get(0) == null
        || strings.get(0).isBlank()) {
      return Optional.empty();
    }
    for (int i = 1; i < strings.size() - 1; i++) {
      Integer limit = parseLimit(strings.get(i));
      String type = strings.get(i + 1) == null ? "" : strings.get(i + 1).strip();
      if (limit != null && isTypeName(type)) {
        return Optional.of(
            build(time, server, new Fields(strings.get(0).strip(), limit, type, null), ref));
      }
    }
    return Optional.empty();
  }

  private static LimitEvent build(Instant time, String server, Fields fields, EvidenceRef ref) {
    String identity = fields.identity();
    return new LimitEvent(
        time,
        blankToNull(server),
        UserKeys.fromIdentity(identity),
        UserKeys.dnOf(identity),
        UserKeys.guidOf(identity),
        fields.clientType(),
        fields.objectType(),
        fields.limit(),
        ref);
  }

  private static Integer parseLimit(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.strip();
    if (digits.isEmpty()
        || digits.length() > 9
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(digits);
  }

  private static boolean isTypeName(String text) {
    return !text.isEmpty()
        && Character.isLetter(text.charAt(0))
        && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
