package org.mapiscope.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** One input to read: a file on disk or an entry of an archive, already decompressed. */
public interface InputFile {

  /**
   * The path as shown to users: {@code logs/RCA_20260102-1.LOG}, {@code
   * evidence.zip!/ex01/app.xml}.
   */
  String displayPath();

  /** A fresh stream over the whole (decompressed) content. The caller closes it. */
  InputStream open() throws IOException;

  /** Size in bytes when known, else -1. */
  long size();

  /**
   * The server this evidence most likely belongs to when the content does not say: the name of the
   * folder the file sits in, unless that folder is a generic log folder; {@code null} when nothing
   * suggests one. See docs/ingest.md.
   */
  String serverHint();

  /**
   * The file on disk when this input is one, so binary readers can seek; {@code null} for archive
   * entries and other streamed content.
   */
  default Path localPath() {
    return null;
  }
}
