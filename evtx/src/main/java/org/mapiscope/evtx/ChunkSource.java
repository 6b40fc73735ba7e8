package org.mapiscope.evtx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Where chunk bytes come from: a file channel (positional reads, safe from many threads) or a buffer. */
sealed interface ChunkSource {

    long size();

    /** Fills {@code into} from {@code offset}; returns the number of bytes read (less at end of input). */
    int read(long offset, byte[] into, int length);

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
