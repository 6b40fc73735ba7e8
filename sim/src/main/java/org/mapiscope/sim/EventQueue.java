package org.mapiscope.sim;

import java.util.Arrays;

/**
 * A binary min-heap of (long key, int value) pairs in two parallel arrays: no boxing and no
 * allocation once grown, which keeps the event loop fast. Equal keys leave in an order fixed by the
 * push sequence, so a run is deterministic. Not thread-safe.
 */
final class EventQueue {

  private long[] keys;
  private int[] values;
  private int size;

  EventQueue(int initialCapacity) {
    keys = new long[Math.max(16, initialCapacity)];
    values = new int[keys.length];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long topKey() {
    return keys[0];
  }

  int topValue() {
    return values[0];
  }

  void push(long key, int value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  void pop() {
    int last = --size;
    if (last > 0) {
      siftDown(keys[last], values[last]);
    }
  }

  /** Replaces the top by a new entry: one sift instead of a pop and a push. */
  void replaceTop(long key, int value) {
    siftDown(key, value);
  }

  private void siftDown(long key, int value) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && keys[right] < keys[child]) {
        child = right;
      }
      if (key <= keys[child]) {
        break;
      }
      keys[i] = keys[child];
      values[i] = values[child];
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }
}
