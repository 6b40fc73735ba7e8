package org.mapiscope.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * The lines of a text as undecoded bytes, for readers of multi-gigabyte logs that turn only a few
 * fields of a line into strings. The bytes are in {@link #charset()}, which is ASCII-compatible:
 * line ends, commas and quotes are single bytes that never occur inside a multi-byte character.
 * Line ends, line numbers and the line cap are those of {@link BoundedLineReader}. Not thread-safe.
 */
public interface ByteLines extends Closeable {

  /** Moves to the next line within the cap; {@code false} at the end of the text. */
  boolean next() throws IOException;

  /** The array that holds the current line: valid until the next call of {@link #next()}. */
  byte[] array();

  /** Where the current line starts in {@link #array()}. */
  int offset();

  /** The current line's length in bytes, without its line end. */
  int length();

  /** The physical line number of the current line (skipped lines count too); 0 before the first. */
  long lineNumber();

  /** The most bytes a line may have; longer ones are skipped and reported. */
  int maxLineBytes();

  /** How to decode the bytes: UTF-8 or windows-1252. */
  Charset charset();

  /** The current line as text. */
  default String text() {
    return new String(array(), offset(), length(), charset());
  }

  @Override
  void close() throws IOException;
}
