package org.mapiscope.sim.evidence;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects emitted files as strings, remembering the charset each asked for. */
final class MemoryOutput implements EvidenceOutput {

  final Map<String, StringWriter> files = new LinkedHashMap<>();
  final Map<String, Charset> charsets = new LinkedHashMap<>();

  @Override
  public Writer open(String relativePath, Charset charset) {
    if (files.containsKey(relativePath)) {
      throw new AssertionError("opened twice: " + relativePath);
    }
    StringWriter w = new StringWriter();
    files.put(relativePath, w);
    charsets.put(relativePath, charset);
    return w;
  }

  String text(String path) {
    return files.get(path).toString();
  }
}
