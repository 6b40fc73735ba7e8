package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled templates kept across the chunks one thread decodes. Every chunk repeats the templates
 * it uses, so without this each chunk parses and plans them again. A template found here is only
 * reused when its definition is the same as the cached one in every byte that its parse depends on:
 * all of it except the chunk-relative name offsets and the name hash-chain links, where the offsets
 * must keep their place relative to the template (names written inside it) or point before it to a
 * name with the same text. Templates that hold template instances, or whose parse depended on where
 * they sit in the chunk in other ways, are not kept. Bounded in entries and bytes; not thread-safe
 * (one per decoding thread).
 */
final class TemplateCache {

  private static final int MAX_ENTRIES = 4096;
  private static final long MAX_BYTES = 16L << 20;

  /** Different definitions kept under one key (GUID, size, depth). */
  private static final int MAX_PER_KEY = 4;

  private final Map<Key, Entry[]> entries = new HashMap<>();
  private int count;
  private long bytes;

  /**
   * A definition's GUID, data size and compile depth. A plain class rather than a record: record
   * equality is bootstrapped through method handles on first use, a cost paid at every start.
   */
  private static final class Key {
    private final long guidLow;
    private final long guidHigh;
    private final int dataSize;
    private final int depth;

    private Key(long guidLow, long guidHigh, int dataSize, int depth) {
      this.guidLow = guidLow;
      this.guidHigh = guidHigh;
      this.dataSize = dataSize;
      this.depth = depth;
    }

    static Key of(byte[] b, int offset, int dataSize, int depth) {
      return new Key(
          LittleEndian.i64(b, offset + 4, offset + 20),
          LittleEndian.i64(b, offset + 12, offset + 20),
          dataSize,
          depth);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.guidLow == guidLow
          && k.guidHigh == guidHigh
          && k.dataSize == dataSize
          && k.depth == depth;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(guidLow * 31 + guidHigh) * 31 + dataSize * 7 + depth;
    }
  }

  /**
   * What a template's parse read from outside its bytes, recorded while compiling it: each name
   * offset field (relative to the template) with where it pointed.
   */
  static final class Recording {
    final int start;

    /** End of the definition's data: names beyond it are not compared, so they end sharing. */
    final int end;

    boolean shareable = true;
    private int[] fields = new int[16];
    private int[] targets = new int[16];
    private final List<String> outside = new ArrayList<>();
    private int[] skips = new int[16];
    private int fieldCount;
    private int skipCount;

    Recording(int start, int end) {
      this.start = start;
      this.end = end;
    }

    /**
     * A name offset field at {@code field} pointing to {@code offset}, where a name of {@code
     * length} bytes (header and characters) reads as {@code name}.
     */
    void name(int field, int offset, int length, String name, boolean inline) {
      if (fieldCount == fields.length) {
        fields = Arrays.copyOf(fields, 2 * fieldCount);
        targets = Arrays.copyOf(targets, 2 * fieldCount);
      }
      fields[fieldCount] = field - start;
      if (offset >= start && (offset < start + 24 || offset > end - length)) {
        shareable = false; // a name in the template's header or past its data: bytes not compared
      }
      if (offset >= start) {
        targets[fieldCount] = offset - start;
      } else {
        targets[fieldCount] = -1 - outside.size();
        outside.add(name);
      }
      fieldCount++;
      skip(field - start);
      if (inline) {
        skip(offset - start); // the hash-chain link of a name written here
      }
    }

    private void skip(int at) {
      if (skipCount == skips.length) {
        skips = Arrays.copyOf(skips, 2 * skipCount);
      }
      skips[skipCount++] = at;
    }
  }

  private static final class Entry {
    /** The definition from its GUID on (template offset + 4 to the end of its data). */
    final byte[] definition;

    final int[] skips;
    final int[] fields;
    final int[] targets;
    final String[] outside;
    final Node.Template template;

    Entry(byte[] definition, Recording r, Node.Template template) {
      this.definition = definition;
      this.skips = Arrays.copyOf(r.skips, r.skipCount);
      Arrays.sort(skips);
      this.fields = Arrays.copyOf(r.fields, r.fieldCount);
      this.targets = Arrays.copyOf(r.targets, r.fieldCount);
      this.outside = r.outside.toArray(new String[0]);
      this.template = template;
    }

    /**
     * Whether the definition at {@code offset} of the parser's chunk parses exactly as this one
     * did.
     */
    boolean matches(FragmentParser parser, byte[] b, int offset) {
      int from = 4;
      for (int s : skips) {
        if (s > from && !same(b, offset, from, s)) {
          return false;
        }
        from = Math.max(from, s + 4);
      }
      int end = 4 + definition.length;
      if (from < end && !same(b, offset, from, end)) {
        return false;
      }
      for (int i = 0; i < fields.length; i++) {
        int target = LittleEndian.i32(b, offset + fields[i], offset + fields[i] + 4);
        if (targets[i] >= 0) {
          if (target - offset != targets[i]) {
            return false;
          }
        } else if (target < Chunk.HEADER_SIZE
            || target >= offset
            || !outside[-1 - targets[i]].equals(parser.nameAt(target))) {
          return false;
        }
      }
      return true;
    }

    /**
     * Bytes {@code [from, to)} of the template (relative to its offset) against the cached
     * definition.
     */
    private boolean same(byte[] b, int offset, int from, int to) {
      return Arrays.equals(definition, from - 4, to - 4, b, offset + from, offset + to);
    }
  }

  /** Number of templates kept. */
  int size() {
    return count;
  }

  /**
   * The cached template equal to the definition at {@code offset} (data of {@code dataSize} bytes,
   * already checked to lie in the chunk), compiled at walk depth {@code depth}, or {@code null}.
   */
  Node.Template find(FragmentParser parser, byte[] b, int offset, int dataSize, int depth) {
    Entry[] list = entries.get(Key.of(b, offset, dataSize, depth));
    if (list == null) {
      return null;
    }
    for (Entry e : list) {
      if (e != null && e.matches(parser, b, offset)) {
        return e.template;
      }
    }
    return null;
  }

  /** Keeps a template just compiled from the definition at {@code offset}, when there is room. */
  void add(byte[] b, int offset, int dataSize, int depth, Recording r, Node.Template template) {
    int length = 20 + dataSize;
    if (count >= MAX_ENTRIES || bytes + length > MAX_BYTES) {
      return;
    }
    Key key = Key.of(b, offset, dataSize, depth);
    Entry[] list = entries.computeIfAbsent(key, k -> new Entry[MAX_PER_KEY]);
    for (int i = 0; i < list.length; i++) {
      if (list[i] == null) {
        list[i] = new Entry(Arrays.copyOfRange(b, offset + 4, offset + 24 + dataSize), r, template);
        count++;
        bytes += length;
        return;
      }
    }
  }
}
