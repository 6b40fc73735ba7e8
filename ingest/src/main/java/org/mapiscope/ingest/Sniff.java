package org.mapiscope.ingest;

/**
 * The start of an input, for format detection.
 *
 * @param name the file name (last path element, archive entries included), for tie-breaking only
 * @param head up to the first 64 KiB of (decompressed) bytes
 * @param text {@code head} decoded as text (BOM-aware: UTF-16LE/BE with BOM, UTF-8, else
 *     windows-1252); the BOM itself is removed
 */
public record Sniff(String name, byte[] head, String text) {

  /** How many bytes detection looks at. */
  public static final int HEAD_BYTES = 64 * 1024;

  /**
   * A sniff of the first bytes of an input; {@code head} is used as given (callers cut it to {@link
   * #HEAD_BYTES}).
   */
  public static Sniff of(String name, byte[] head) {
    return new Sniff(name, head, TextDecoding.decode(head));
  }

  public boolean startsWith(byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
