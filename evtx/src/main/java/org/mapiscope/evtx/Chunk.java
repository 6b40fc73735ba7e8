package org.mapiscope.evtx;

/**
 * One chunk's bytes and its caches. Names and templates are only valid within their chunk, so both
 * caches are keyed by chunk offset and die with the chunk. Not thread-safe: one chunk is decoded by
 * one thread.
 */
final class Chunk {

  static final int SIZE = 0x10000;
  static final int HEADER_SIZE = 512;

  final byte[] bytes;

  /** Number of valid bytes (less than {@link #SIZE} for a truncated last chunk). */
  final int length;

  final long fileOffset;
  final IntMap<String> names = new IntMap<>();
  final IntMap<Node.Template> templates = new IntMap<>();

  /** Templates being compiled, to catch a definition that refers to itself. */
  final IntMap<Boolean> compiling = new IntMap<>();

  Chunk(byte[] bytes, int length, long fileOffset) {
    this.bytes = bytes;
    this.length = length;
    this.fileOffset = fileOffset;
  }
}
