package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The client addresses of one track and whether each was used on more than one day, to tell a fixed
 * desk from a VPN pool. Keeps the {@code cap} most recently used; the one used longest ago is
 * folded into totals, so counts stay exact while memory stays bounded. Arrays, not a map of
 * objects: a VPN user fills the cap within days, and each address then costs about 13 bytes instead
 * of about 80 (docs/performance.md). Not thread-safe: its track's server serialises access.
 */
final class AddressDays implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int cap;
  private String[] addresses = new String[4];

  /** The epoch day each address was last used on. */
  private int[] lastDay = new int[4];

  /** Whether the address was used again on another day than before. */
  private boolean[] manyDays = new boolean[4];

  /** When each address was last used, on {@link #clock}: the smallest goes first. */
  private int[] lastUse = new int[4];

  private int size;
  private int clock;
  private int folded;
  private int foldedOneTime;

  AddressDays(int cap) {
    this.cap = cap;
  }

  /** One more connect from {@code address} on {@code epochDay}. */
  void count(String address, long epochDay) {
    int day = (int) epochDay;
    int i = indexOf(address);
    if (i < 0) {
      i = add(address);
      lastDay[i] = day;
    } else if (lastDay[i] != day) {
      manyDays[i] = true;
      lastDay[i] = day;
    }
    lastUse[i] = ++clock;
  }

  /** Addresses seen, folded ones included. */
  int count() {
    return size + folded;
  }

  /** Of those, used on one day only; a folded address seen again counts anew. */
  int oneTimeCount() {
    int n = foldedOneTime;
    for (int i = 0; i < size; i++) {
      if (!manyDays[i]) {
        n++;
      }
    }
    return n;
  }

  /** Addresses held now: never more than the cap. */
  int held() {
    return size;
  }

  private int indexOf(String address) {
    for (int i = 0; i < size; i++) {
      String a = addresses[i];
      if (a == address || a.equals(address)) {
        return i;
      }
    }
    return -1;
  }

  private int add(String address) {
    int i;
    if (size == cap) {
      i = leastRecentlyUsed();
      folded++;
      if (!manyDays[i]) {
        foldedOneTime++;
      }
    } else {
      if (size == addresses.length) {
        int grown = Math.min(cap, 2 * size);
        addresses = Arrays.copyOf(addresses, grown);
        lastDay = Arrays.copyOf(lastDay, grown);
        manyDays = Arrays.copyOf(manyDays, grown);
        lastUse = Arrays.copyOf(lastUse, grown);
      }
      i = size++;
    }
    addresses[i] = address;
    manyDays[i] = false;
    return i;
  }

  private int leastRecentlyUsed() {
    int oldest = 0;
    for (int i = 1; i < size; i++) {
      if (lastUse[i] - lastUse[oldest] < 0) {
        oldest = i;
      }
    }
    return oldest;
  }
}
