package org.mapiscope.analysis;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The client addresses of one track and whether each was used on more than one day, to tell a fixed
 * desk from a VPN pool. Keeps the {@code cap} most recently used; the one used longest ago is
 * folded into totals, so counts stay exact while memory stays bounded. Not thread-safe: its track's
 * server serialises access.
 *
 * <p>A VPN user fills the cap within days, so an address is two array slots and no object: the
 * arrays are kept in order of use, the most recent last, and the day holds the more-than-one-day
 * flag in its top bit. About 8 bytes an address instead of about 80 for a map of objects
 * (docs/performance.md).
 */
final class AddressDays implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The bit of {@link #days} that says the address was used again on another day. */
  private static final int MANY_DAYS = 1 << 31;

  private final int cap;

  /** The held addresses, the one used longest ago first. */
  private String[] addresses = new String[4];

  /** The epoch day each was last used on (low 31 bits) and {@link #MANY_DAYS}. */
  private int[] days = new int[4];

  private int size;
  private int folded;
  private int foldedOneTime;

  AddressDays(int cap) {
    this.cap = cap;
  }

  /** One more connect from {@code address} on {@code epochDay}. */
  void count(String address, long epochDay) {
    int day = (int) epochDay & ~MANY_DAYS;
    int i = indexOf(address);
    int value;
    if (i < 0) {
      value = day;
      if (size == cap) {
        foldLeastRecentlyUsed();
      }
      grow();
    } else {
      int held = days[i];
      value = (held & ~MANY_DAYS) == day ? held : day | MANY_DAYS;
      // Moves to the end, the most recently used place.
      System.arraycopy(addresses, i + 1, addresses, i, size - i - 1);
      System.arraycopy(days, i + 1, days, i, size - i - 1);
      size--;
    }
    addresses[size] = address;
    days[size] = value;
    size++;
  }

  /** Addresses seen, folded ones included. */
  int count() {
    return size + folded;
  }

  /** Of those, used on one day only; a folded address seen again counts anew. */
  int oneTimeCount() {
    int n = foldedOneTime;
    for (int i = 0; i < size; i++) {
      if ((days[i] & MANY_DAYS) == 0) {
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
    // From the most recent: a user's next connect most often comes from where the last one did.
    for (int i = size - 1; i >= 0; i--) {
      String a = addresses[i];
      if (a == address || a.equals(address)) {
        return i;
      }
    }
    return -1;
  }

  private void foldLeastRecentlyUsed() {
    folded++;
    if ((days[0] & MANY_DAYS) == 0) {
      foldedOneTime++;
    }
    System.arraycopy(addresses, 1, addresses, 0, size - 1);
    System.arraycopy(days, 1, days, 0, size - 1);
    size--;
  }

  private void grow() {
    if (size == addresses.length) {
      int grown = Math.min(cap, 2 * size);
      addresses = Arrays.copyOf(addresses, grown);
      days = Arrays.copyOf(days, grown);
    }
  }
}
