package org.mapiscope.ingest;

import java.io.IOException;

/**
 * Reads one evidence format. Implementations are stateless and thread-safe: one instance reads many
 * files, possibly in parallel, each call with its own {@link ReadContext}.
 */
public interface FormatReader {

  /**
   * The format name shown to users and written to {@code inputs[].format} (e.g. {@code rca}, {@code
   * event-xml}).
   */
  String format();

  /**
   * Whether this reader recognises the content. Decided from the content, never from the file name
   * alone; must not throw and must be cheap.
   */
  boolean detect(Sniff sniff);

  /**
   * Reads the whole input, emitting evidence and reporting broken records through {@code context}.
   * A broken record is reported with {@link ReadContext#skip} and reading goes on; only a failure
   * to read the bytes at all is thrown.
   *
   * @throws IOException when the input cannot be read
   */
  void read(InputFile input, ReadContext context) throws IOException;
}
