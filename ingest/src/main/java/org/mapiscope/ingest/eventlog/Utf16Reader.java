package org.mapiscope.ingest.eventlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * UTF-16 text (Event Viewer's "Save as XML" and "Unicode" exports) turned into characters in one
 * plain loop over a large byte buffer: the JDK's decoder takes a method call per byte and was half
 * the time of reading such an export. Malformed input reads as the JDK decoder with {@code REPLACE}
 * reads it ({@code sun.nio.cs.UnicodeDecoder}), so every reader sees the same text: an unpaired low
 * surrogate becomes U+FFFD, a high surrogate not followed by a low one becomes one U+FFFD together
 * with the unit after it, and units cut by the end of the input become one U+FFFD.
 *
 * <p>Not thread-safe.
 */
final class Utf16Reader extends Reader {

  private static final char REPLACEMENT = '\uFFFD';

  private final InputStream in;
  private final boolean littleEndian;
  private final byte[] bytes = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean eof;

  /** The low half of a surrogate pair that did not fit into the last call's array, or 0. */
  private char pendingLow;

  /** A reader of the stream's bytes from its current position (after any byte order mark). */
  Utf16Reader(InputStream in, boolean littleEndian) {
    this.in = in;
    this.littleEndian = littleEndian;
  }

  @Override
  public int read(char[] out, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pendingLow != 0) {
      out[offset] = pendingLow;
      pendingLow = 0;
      return 1;
    }
    while (limit - position < 4 && !eof) {
      fill();
    }
    if (position == limit) {
      return -1;
    }
    int k = offset;
    int end = offset + length;
    byte[] b = bytes;
    int j = position;
    int lo = littleEndian ? 0 : 1;
    int hi = 1 - lo;
    while (k < end && j + 1 < limit) {
      char c = (char) ((b[j + lo] & 0xFF) | (b[j + hi] & 0xFF) << 8);
      if (c < 0xD800 || c > 0xDFFF) {
        out[k++] = c;
        j += 2;
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        if (j + 3 >= limit) {
          if (!eof) {
            break; // the low surrogate is in the next block
          }
          out[k++] = REPLACEMENT; // cut by the end of the input
          j = limit;
          continue;
        }
        char low = (char) ((b[j + 2 + lo] & 0xFF) | (b[j + 2 + hi] & 0xFF) << 8);
        if (!Character.isLowSurrogate(low)) {
          out[k++] = REPLACEMENT;
          j += 4;
          continue;
        }
        out[k++] = c;
        if (k == end) {
          pendingLow = low; // no room for the pair's second half in this call
        } else {
          out[k++] = low;
        }
        j += 4;
        continue;
      }
      out[k++] = REPLACEMENT; // an unpaired low surrogate
      j += 2;
    }
    if (k < end && eof && j == limit - 1) {
      out[k++] = REPLACEMENT; // an odd byte at the end
      j = limit;
    }
    position = j;
    return k - offset;
  }

  private void fill() throws IOException {
    int rest = limit - position;
    System.arraycopy(bytes, position, bytes, 0, rest);
    position = 0;
    limit = rest;
    int n = in.read(bytes, limit, bytes.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
