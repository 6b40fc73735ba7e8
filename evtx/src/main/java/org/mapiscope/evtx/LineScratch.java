package org.mapiscope.evtx;

import java.util.Arrays;

/**
 * What one decoding thread needs while writing lines: a slot for the rarer types, the last number
 * read, and the values of a record and its BinXml values laid end to end.
 */
final class LineScratch {
  final Slot slot = new Slot();

  /** Set by {@link JsonLinePlan}'s number reads, so reading a number needs no boxing. */
  long number;

  byte[] types = new byte[64];
  int[] at = new int[64];
  int[] sizes = new int[64];
  int count;
  final Items items = new Items();

  /** The elements of one array value. */
  static final class Items implements Values.ItemSink {
    int[] types = new int[16];
    int[] at = new int[16];
    int[] sizes = new int[16];
    int count;

    @Override
    public void item(int type, int at, int size) {
      if (count == types.length) {
        types = Arrays.copyOf(types, 2 * count);
        this.at = Arrays.copyOf(this.at, 2 * count);
        sizes = Arrays.copyOf(sizes, 2 * count);
      }
      types[count] = type;
      this.at[count] = at;
      sizes[count++] = size;
    }
  }

  /** Starts the layout with a record's values. */
  void flatten(Node.Instance values) {
    count = 0;
    append(values);
  }

  /** Appends a BinXml value's values. */
  void append(Node.Instance values) {
    int n = values.types().length;
    if (count + n > types.length) {
      int size = Math.max(2 * types.length, count + n);
      types = Arrays.copyOf(types, size);
      at = Arrays.copyOf(at, size);
      sizes = Arrays.copyOf(sizes, size);
    }
    System.arraycopy(values.types(), 0, types, count, n);
    System.arraycopy(values.at(), 0, at, count, n);
    System.arraycopy(values.sizes(), 0, sizes, count, n);
    count += n;
  }
}
