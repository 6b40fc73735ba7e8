package org.mapiscope.evtx.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The templates of one chunk: a template instance carries the definition inline the first time a
 * template is used in the chunk and refers back to it by offset afterwards; definitions are also
 * linked into the 32-slot template table of the chunk header.
 */
final class ChunkTemplates {

  private final Map<String, Integer> offsets = new HashMap<>();
  private final int[] buckets = new int[32];

  ChunkTemplates copy() {
    ChunkTemplates c = new ChunkTemplates();
    c.offsets.putAll(offsets);
    System.arraycopy(buckets, 0, c.buckets, 0, buckets.length);
    return c;
  }

  int[] buckets() {
    return buckets.clone();
  }

  /** Writes a template instance header, with the definition {@code body} inline when new. */
  void instance(BinXmlWriter xml, String key, Consumer<BinXmlWriter> body) {
    LeBuffer out = xml.out();
    byte[] guid = guid(key);
    out.u8(BinXmlWriter.TEMPLATE_INSTANCE).u8(1).bytes(Arrays.copyOf(guid, 4));
    Integer known = offsets.get(key);
    if (known != null) {
      out.u32(known);
      return;
    }
    int definitionAt = out.size() + 4;
    int bucket = (int) (Integer.toUnsignedLong(Bytes4.le(guid)) % buckets.length);
    out.u32(definitionAt).u32(buckets[bucket]).bytes(guid);
    int sizeAt = out.size();
    out.u32(0);
    xml.fragmentHeader();
    body.accept(xml);
    xml.endOfFragment();
    out.patchU32(sizeAt, out.size() - sizeAt - 4);
    buckets[bucket] = definitionAt;
    offsets.put(key, definitionAt);
  }

  /** A stable GUID per template, so files come out byte-identical run after run. */
  private static byte[] guid(String key) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Little-endian int from the first four bytes. */
  private static final class Bytes4 {
    static int le(byte[] b) {
      return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
  }
}
