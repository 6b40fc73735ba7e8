package org.mapiscope.evtx;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative int keys (chunk offsets) to values; avoids boxing on the
 * hot path.
 */
final class IntMap<V> {

  private int[] keys = new int[64];
  private Object[] values = new Object[64];
  private int size;

  IntMap() {
    Arrays.fill(keys, -1);
  }

  /** Number of keys put (a key put again counts once). */
  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(int key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == -1) {
        return null;
      }
    }
  }

  void put(int key, V value) {
    insert(key, value);
  }

  private void insert(int key, Object value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      if (keys[i] == -1) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
    }
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(int key) {
    return key * 0x9E3779B9 >>> 7;
  }
}
