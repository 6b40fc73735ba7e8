package org.mapiscope.ingest.eventlog;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes FastCSV's values of one row at a time without making strings of them. Once the table's
 * layout is known ({@link #decideBy}), a row whose event id and source show it is no 9646 is
 * {@linkplain #isOther() other}: its values after the deciding ones (the description, most of the
 * bytes) are not even copied. Every other row keeps all its values for the layout to read.
 *
 * <p>FastCSV hands over the same instance for every row; it is valid until the next one is read.
 * Not thread-safe: one per input.
 */
final class EventRowHandler extends AbstractBaseCsvCallbackHandler<EventRowHandler> {

  private static final String STORE = LimitEventParser.SOURCE_PREFIX;

  private TableLayout layout;
  private int deciding = Integer.MAX_VALUE;

  private long line;
  private boolean other;
  private char[] text = new char[1 << 12];
  private int used;
  private int[] starts = new int[16];
  private int[] lengths = new int[16];
  private int copied;

  /** From now on, rows are told apart by this layout's event id and source. */
  void decideBy(TableLayout layout) {
    this.layout = layout;
    this.deciding = layout.decidingColumns();
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    line = startingLineNumber;
    other = false;
    used = 0;
    copied = 0;
  }

  @Override
  protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
    if (other) {
      return;
    }
    if (index == starts.length) {
      starts = Arrays.copyOf(starts, index * 2);
      lengths = Arrays.copyOf(lengths, index * 2);
    }
    if (used + length > text.length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, used + length));
    }
    System.arraycopy(buffer, offset, text, used, length);
    starts[index] = used;
    lengths[index] = length;
    used += length;
    copied = index + 1;
    if (copied == deciding) {
      other = isOtherEvent();
    }
  }

  @Override
  protected EventRowHandler buildRecord() {
    return this;
  }

  /** 1-based line the row starts on. */
  long line() {
    return line;
  }

  /** Whether the row is plainly an event other than a 9646: only its leading values were kept. */
  boolean isOther() {
    return other;
  }

  /** How many values the row has. */
  int size() {
    return getFieldCount();
  }

  /** The values kept (all of them unless the row {@link #isOther()}), as new strings. */
  List<String> fields() {
    List<String> fields = new ArrayList<>(copied);
    for (int i = 0; i < copied; i++) {
      fields.add(new String(text, starts[i], lengths[i]));
    }
    return fields;
  }

  /**
   * Whether the day (date text up to the first space) of this row equals {@code day[0, length)}.
   */
  boolean sameDay(char[] day, int length) {
    int from = strippedStart(layout.dateColumn());
    return Arrays.equals(text, from, dayEnd(from), day, 0, length);
  }

  /**
   * Copies the day of this row into {@code day}; returns its length, or -1 when it does not fit.
   */
  int copyDay(char[] day) {
    int from = strippedStart(layout.dateColumn());
    int length = dayEnd(from) - from;
    if (length > day.length) {
      return -1;
    }
    System.arraycopy(text, from, day, 0, length);
    return length;
  }

  private int dayEnd(int from) {
    int column = layout.dateColumn();
    int end = starts[column] + lengths[column];
    int to = from;
    while (to < end && !Character.isWhitespace(text[to])) {
      to++;
    }
    return to;
  }

  private int strippedStart(int column) {
    int i = starts[column];
    int end = i + lengths[column];
    while (i < end && Character.isWhitespace(text[i])) {
      i++;
    }
    return i;
  }

  /**
   * The same test as {@link LimitEventParser#isLimitEvent} on the raw values; unusual text is left
   * to it.
   */
  private boolean isOtherEvent() {
    int id = layout.idColumn();
    int i = strippedStart(id);
    int end = starts[id] + lengths[id];
    while (end > i && Character.isWhitespace(text[end - 1])) {
      end--;
    }
    if (end == i || end - i > 10) {
      return false; // not a number: the layout says so
    }
    long value = 0;
    for (; i < end; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    if ((value & 0xFFFF) != LimitEventParser.EVENT_ID) {
      return true;
    }
    int source = layout.sourceColumn();
    int s = strippedStart(source);
    int length = starts[source] + lengths[source] - s;
    for (int k = 0; k < Math.min(length, STORE.length()); k++) {
      char c = text[s + k];
      if (c > 0x7F) {
        return false; // case rules beyond ASCII: let LimitEventParser decide
      }
      if (Character.toLowerCase(c) != Character.toLowerCase(STORE.charAt(k))) {
        return true;
      }
    }
    return length < STORE.length();
  }
}
