package org.mapiscope.evtx.evt;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The circular buffer of an {@code .evt} file: bytes from the end of the header to the end of the
 * file, where reading past the end continues right after the header. Reads go through a small
 * window so scanning word by word does not cost a system call per word. Not thread-safe.
 */
final class RingFile {

  private static final int WINDOW = 64 * 1024;

  private final SeekableByteChannel channel;
  private final long size;
  private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
  private long windowStart = -1;
  private int windowLength;

  RingFile(SeekableByteChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  /** File size in bytes. */
  long size() {
    return size;
  }

  /** Bytes in the ring (all of the file after the header). */
  long ringSize() {
    return size - EvtLayout.HEADER_SIZE;
  }

  /** The position {@code distance} bytes after {@code position}, going round the ring. */
  long advance(long position, long distance) {
    long ring = ringSize();
    long relative = (position - EvtLayout.HEADER_SIZE + distance) % ring;
    return EvtLayout.HEADER_SIZE + relative;
  }

  /** Bytes from {@code from} forward to {@code to}, going round the ring. */
  long distance(long from, long to) {
    long ring = ringSize();
    return Math.floorMod(to - from, ring);
  }

  /** Reads {@code length} bytes starting at {@code position}, wrapping at the end of the file. */
  byte[] read(long position, int length) throws IOException {
    if (length > ringSize()) {
      throw new IllegalArgumentException("read longer than the ring: " + length);
    }
    byte[] out = new byte[length];
    int done = 0;
    long at = position;
    while (done < length) {
      int chunk = (int) Math.min(length - done, size - at);
      readLinear(at, out, done, chunk);
      done += chunk;
      at = advance(at, chunk);
    }
    return out;
  }

  /** Little-endian 32-bit value at {@code position}, unsigned, wrapping at the end. */
  long readUInt(long position) throws IOException {
    byte[] b = read(position, 4);
    return Bytes.u32(b, 0);
  }

  /** Reads bytes without wrapping; used for the header too. */
  void readLinear(long position, byte[] out, int offset, int length) throws IOException {
    if (position < 0 || position + length > size) {
      throw new EOFException("read past the end of the file at " + position);
    }
    if (length > WINDOW) {
      readDirect(position, ByteBuffer.wrap(out, offset, length));
      return;
    }
    if (windowStart < 0
        || position < windowStart
        || position + length > windowStart + windowLength) {
      fillWindow(position);
    }
    int from = (int) (position - windowStart);
    System.arraycopy(window.array(), from, out, offset, length);
  }

  private void fillWindow(long position) throws IOException {
    window.clear();
    window.limit((int) Math.min(WINDOW, size - position));
    readDirect(position, window);
    windowStart = position;
    windowLength = window.limit();
  }

  private void readDirect(long position, ByteBuffer target) throws IOException {
    channel.position(position);
    while (target.hasRemaining()) {
      if (channel.read(target) < 0) {
        throw new EOFException("file shrank while reading at " + position);
      }
    }
  }
}
