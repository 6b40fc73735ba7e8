package org.mapiscope.ingest.rca;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Remembers what a field's bytes meant: a log repeats few distinct values per column (users,
 * clients, operations), so a row's field is compared with the bytes seen in its set and, when
 * equal, gives the value derived then, without decoding or deriving again. Two-way set-associative,
 * the most recently used first: a value pushed out of its set is derived again when it comes back.
 * The slots double while more than one lookup in sixteen misses, up to a fixed maximum, so memory
 * is bounded whatever the input and a server with thousands of interleaved users still hits. Not
 * thread-safe: one per column and reading thread.
 *
 * @param <T> what is derived from the field's text; may be {@code null}
 */
final class FieldCache<T> {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Lookups between two looks at the miss rate. */
  private static final int WINDOW = 4096;

  /** A longer field is derived each time, never held: a hostile log cannot fill memory with it. */
  static final int MAX_KEY_BYTES = 1024;

  /** Field text held at most, whatever the slots: about 8 MB per column and reading thread. */
  static final long MAX_HELD_BYTES = 8L << 20;

  private final Function<String, T> derive;
  private final int maxSlots;
  private byte[][] keys;

  /** Each slot's hash: most other values in a set differ there, without comparing bytes. */
  private int[] hashes;

  private boolean[] quotedKeys;
  private Object[] values;
  private int mask;
  private int lookups;
  private int misses;
  private long heldBytes;

  /**
   * @param slots the first number of slots, a power of two, at least 2
   * @param maxSlots the most slots, a power of two
   * @param derive the value of a field's text (an empty field gives {@code ""})
   */
  FieldCache(int slots, int maxSlots, Function<String, T> derive) {
    if (Integer.bitCount(slots) != 1
        || slots < 2
        || Integer.bitCount(maxSlots) != 1
        || maxSlots < slots) {
      throw new IllegalArgumentException("slots " + slots + " to " + maxSlots);
    }
    this.derive = derive;
    this.maxSlots = maxSlots;
    allocate(slots);
  }

  private void allocate(int slots) {
    keys = new byte[slots][];
    hashes = new int[slots];
    quotedKeys = new boolean[slots];
    values = new Object[slots];
    mask = slots - 1;
    heldBytes = 0;
  }

  /** The slots now, for tests. */
  int slots() {
    return keys.length;
  }

  /** The field text held now, for tests. */
  long heldBytes() {
    return heldBytes;
  }

  /** The value of bytes {@code from..to} of {@code line}'s text, derived once while cached. */
  @SuppressWarnings("unchecked")
  T get(CsvLine line, int from, int to, boolean quoted) {
    byte[] b = line.bytes();
    if (++lookups == WINDOW) {
      lookups = 0;
      misses = 0;
    }
    // Two ways per set, the most recently used first: two values that share a set (thousands of
    // users interleaved) do not push each other out on every row.
    int hash = hash(b, from, to);
    int first = hash & mask & ~1;
    if (matches(first, hash, b, from, to, quoted)) {
      return (T) values[first];
    }
    int second = first + 1;
    if (matches(second, hash, b, from, to, quoted)) {
      swap(first, second);
      return (T) values[first];
    }
    if (++misses > WINDOW / 16 && keys.length < maxSlots) {
      allocate(keys.length * 2);
      first = hash & mask & ~1;
      misses = 0;
      lookups = 0;
    }
    T value = derive.apply(to == from ? "" : line.decode(from, to, quoted));
    int length = to - from;
    byte[] pushedOut = keys[first + 1];
    long held = heldBytes + length - (pushedOut == null ? 0 : pushedOut.length);
    if (length > MAX_KEY_BYTES || held > MAX_HELD_BYTES) {
      return value;
    }
    heldBytes = held;
    keys[first + 1] = keys[first];
    hashes[first + 1] = hashes[first];
    quotedKeys[first + 1] = quotedKeys[first];
    values[first + 1] = values[first];
    keys[first] = Arrays.copyOfRange(b, from, to);
    hashes[first] = hash;
    quotedKeys[first] = quoted;
    values[first] = value;
    return value;
  }

  private boolean matches(int slot, int hash, byte[] b, int from, int to, boolean quoted) {
    byte[] key = keys[slot];
    return key != null
        && hashes[slot] == hash
        && key.length == to - from
        && quotedKeys[slot] == quoted
        && Arrays.equals(key, 0, key.length, b, from, to);
  }

  private void swap(int i, int j) {
    byte[] k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    int h = hashes[i];
    hashes[i] = hashes[j];
    hashes[j] = h;
    boolean q = quotedKeys[i];
    quotedKeys[i] = quotedKeys[j];
    quotedKeys[j] = q;
    Object v = values[i];
    values[i] = values[j];
    values[j] = v;
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
