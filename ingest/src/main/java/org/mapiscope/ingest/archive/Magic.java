package org.mapiscope.ingest.archive;

/** Recognises containers by their first bytes, never by their extension. */
public enum Magic {
  ZIP,
  GZIP,
  NONE;

  public static Magic of(byte[] head, int length) {
    if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return ZIP;
    }
    if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return GZIP;
    }
    return NONE;
  }

  public boolean isArchive() {
    return this != NONE;
  }
}
