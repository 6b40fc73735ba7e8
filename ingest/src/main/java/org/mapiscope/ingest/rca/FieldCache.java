package org.mapiscope.ingest.rca;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Remembers what a field's bytes meant: a log repeats few distinct values per column (users,
 * clients, operations), so a row's field is compared with the bytes seen last in its slot and, when
 * equal, gives the value derived then, without decoding or deriving again. Direct-mapped with a
 * fixed number of slots: memory is bounded whatever the input, and a value pushed out is derived
 * again when it comes back. Not thread-safe; one per column and file.
 *
 * @param <T> what is derived from the field's text; may be {@code null}
 */
final class FieldCache<T> {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Lookups between two looks at the miss rate. */
  private static final int WINDOW = 4096;

  private final Function<String, T> derive;
  private final int maxSlots;
  private byte[][] keys;
  private boolean[] quotedKeys;
  private Object[] values;
  private int mask;
  private int lookups;
  private int misses;

  /**
   * @param slots the first number of slots, a power of two
   * @param maxSlots the most slots, a power of two
   * @param derive the value of a field's text (an empty field gives {@code ""})
   */
  FieldCache(int slots, int maxSlots, Function<String, T> derive) {
    if (Integer.bitCount(slots) != 1 || Integer.bitCount(maxSlots) != 1 || maxSlots < slots) {
      throw new IllegalArgumentException("slots " + slots + " to " + maxSlots);
    }
    this.derive = derive;
    this.maxSlots = maxSlots;
    allocate(slots);
  }

  private void allocate(int slots) {
    keys = new byte[slots][];
    quotedKeys = new boolean[slots];
    values = new Object[slots];
    mask = slots - 1;
  }

  /** The slots now, for tests. */
  int slots() {
    return keys.length;
  }

  /** The value of bytes {@code from..to} of {@code line}'s text, derived once per slot. */
  @SuppressWarnings("unchecked")
  T get(CsvLine line, int from, int to, boolean quoted) {
    byte[] b = line.bytes();
    int len = to - from;
    if (++lookups == WINDOW) {
      lookups = 0;
      misses = 0;
    }
    int slot = hash(b, from, to) & mask;
    byte[] key = keys[slot];
    if (key != null
        && key.length == len
        && quotedKeys[slot] == quoted
        && Arrays.equals(key, 0, len, b, from, to)) {
      return (T) values[slot];
    }
    if (++misses > WINDOW / 4 && keys.length < maxSlots) {
      allocate(keys.length * 2);
      slot = hash(b, from, to) & mask;
      misses = 0;
      lookups = 0;
    }
    T value = derive.apply(len == 0 ? "" : line.decode(from, to, quoted));
    keys[slot] = Arrays.copyOfRange(b, from, to);
    quotedKeys[slot] = quoted;
    values[slot] = value;
    return value;
  }

  /** A hash of the bytes, eight at a time: values differ anywhere (a user's name mid-text). */
  static int hash(byte[] b, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
    }
    for (; i < to; i++) {
      h = (h ^ b[i]) * 0x100000001B3L;
    }
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }
}
