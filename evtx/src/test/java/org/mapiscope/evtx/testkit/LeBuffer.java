package org.mapiscope.evtx.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer with back-patching, for building binary test files. */
final class LeBuffer {

  private byte[] bytes = new byte[256];
  private int size;

  int size() {
    return size;
  }

  LeBuffer u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
    return this;
  }

  LeBuffer u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  LeBuffer u32(long v) {
    return u16((int) v).u16((int) (v >>> 16));
  }

  LeBuffer u64(long v) {
    return u32(v).u32(v >>> 32);
  }

  LeBuffer bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  /** UTF-16LE without terminator. */
  LeBuffer utf16(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_16LE));
  }

  /** UTF-16LE followed by a NUL character. */
  LeBuffer utf16z(String s) {
    return utf16(s).u16(0);
  }

  LeBuffer zeros(int n) {
    ensure(n);
    size += n; // the array is zero beyond size: it only ever grows
    return this;
  }

  LeBuffer alignTo(int multiple) {
    return zeros((multiple - size % multiple) % multiple);
  }

  void patchU16(int at, int v) {
    bytes[at] = (byte) v;
    bytes[at + 1] = (byte) (v >>> 8);
  }

  void patchU32(int at, long v) {
    patchU16(at, (int) v);
    patchU16(at + 2, (int) (v >>> 16));
  }

  /** Drops everything from {@code newSize} on (and clears it, so later zeros really are zero). */
  void truncate(int newSize) {
    Arrays.fill(bytes, newSize, size, (byte) 0);
    size = newSize;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
