package org.mapiscope.evtx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where chunk bytes come from: a memory-mapped file, a file channel (positional reads) or a buffer.
 * All are safe to read from many threads.
 */
sealed interface ChunkSource {

  long size();

  /**
   * Fills {@code into} from {@code offset}; returns the number of bytes read (less at end of
   * input).
   */
  int read(long offset, byte[] into, int length);

  /**
   * The file mapped read-only in windows of at most {@link #WINDOW} bytes (a mapping is limited to
   * 2 GiB), so a chunk is one copy from the page cache, without a read call or a bounce buffer.
   * Falls back to positional reads when the file cannot be mapped.
   */
  static ChunkSource of(FileChannel channel) throws IOException {
    long size = channel.size();
    try {
      int count = (int) ((size + WINDOW - 1) / WINDOW);
      ByteBuffer[] windows = new ByteBuffer[count];
      for (int i = 0; i < count; i++) {
        long from = (long) i * WINDOW;
        windows[i] =
            channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(WINDOW, size - from));
      }
      return new Mapped(windows, size);
    } catch (IOException | UnsupportedOperationException e) {
      return new Channel(channel, size);
    }
  }

  /** Bytes per mapped window; a chunk crossing a window's end is read in two parts. */
  long WINDOW = 1L << 30;

  record Mapped(ByteBuffer[] windows, long size) implements ChunkSource {

    @Override
    public int read(long offset, byte[] into, int length) {
      int n = (int) Math.max(0, Math.min(length, size - offset));
      int done = 0;
      while (done < n) {
        long at = offset + done;
        ByteBuffer w = windows[(int) (at / WINDOW)];
        int inWindow = (int) (at % WINDOW);
        int part = Math.min(n - done, w.limit() - inWindow);
        w.get(inWindow, into, done, part);
        done += part;
      }
      return n;
    }
  }

  record Channel(FileChannel channel, long size) implements ChunkSource {

    @Override
    public int read(long offset, byte[] into, int length) {
      ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
      try {
        while (buffer.hasRemaining()) {
          int n = channel.read(buffer, offset + buffer.position());
          if (n < 0) {
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.position();
    }
  }

  record Buffer(ByteBuffer buffer) implements ChunkSource {

    @Override
    public long size() {
      return buffer.remaining();
    }

    @Override
    public int read(long offset, byte[] into, int length) {
      long available = buffer.remaining() - offset;
      int n = (int) Math.max(0, Math.min(length, available));
      if (n == 0) {
        return 0;
      }
      buffer.duplicate().position(buffer.position() + (int) offset).get(into, 0, n);
      return n;
    }
  }
}
