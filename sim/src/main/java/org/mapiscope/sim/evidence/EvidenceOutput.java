package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Where emitted evidence goes. The emitter names each file by a relative path with '/' separators
 * (e.g. {@code rca/RCA_20261102-1.LOG}) and the charset the real file uses; it writes and closes
 * each writer it opens. A caller typically maps the path under a directory, or collects strings in
 * tests.
 */
@FunctionalInterface
public interface EvidenceOutput {

  /** A fresh writer for the file; the emitter closes it. */
  Writer open(String relativePath, Charset charset) throws IOException;
}
