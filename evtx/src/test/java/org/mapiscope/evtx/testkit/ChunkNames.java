package org.mapiscope.evtx.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * The names of one chunk: each is written inline the first time (the reference points just after
 * itself) and referenced by offset afterwards, and linked into the 64-bucket string table of the
 * chunk header.
 */
final class ChunkNames {

  private final Map<String, Integer> offsets = new HashMap<>();
  private final int[] buckets = new int[64];

  /** End of each inline name, by the position of the reference in front of it. */
  private final Map<Integer, Integer> inlineEnds = new HashMap<>();

  ChunkNames copy() {
    ChunkNames c = new ChunkNames();
    c.offsets.putAll(offsets);
    c.inlineEnds.putAll(inlineEnds);
    System.arraycopy(buckets, 0, c.buckets, 0, buckets.length);
    return c;
  }

  int[] buckets() {
    return buckets.clone();
  }

  /** Writes a reference to {@code name}, inlining the name the first time. */
  void reference(LeBuffer out, String name) {
    Integer known = offsets.get(name);
    int referenceAt = out.size();
    if (known != null) {
      out.u32(known);
      return;
    }
    int at = referenceAt + 4;
    int hash = hash(name);
    int bucket = hash % buckets.length;
    out.u32(at).u32(buckets[bucket]).u16(hash).u16(name.length()).utf16z(name);
    buckets[bucket] = at;
    offsets.put(name, at);
    inlineEnds.put(referenceAt, out.size());
  }

  /** Position just after the name reference at {@code referenceAt} and any inline name. */
  int endOfReference(int referenceAt) {
    return inlineEnds.getOrDefault(referenceAt, referenceAt + 4);
  }

  /** The 16-bit name hash of the string table (multiply by 65599, add each UTF-16 unit). */
  static int hash(String name) {
    int h = 0;
    for (int i = 0; i < name.length(); i++) {
      h = h * 65599 + name.charAt(i);
    }
    return h & 0xffff;
  }
}
