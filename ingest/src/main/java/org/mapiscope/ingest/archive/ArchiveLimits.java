package org.mapiscope.ingest.archive;

/**
 * How far archives may expand before they are refused (docs/safety.md): a zip or gzip bomb must not
 * fill memory, disk or time. Nothing is ever extracted; these limits bound the streams.
 *
 * @param maxRatio decompressed:compressed bytes allowed per entry once {@code ratioGraceBytes} are
 *     out
 * @param ratioGraceBytes decompressed bytes per entry before the ratio is checked (small files
 *     compress well)
 * @param maxTotalBytes decompressed bytes allowed over all archive entries of one run
 * @param maxDepth archives inside archives: 1 means an archive may hold plain files only
 */
public record ArchiveLimits(long maxRatio, long ratioGraceBytes, long maxTotalBytes, int maxDepth) {

  public static final ArchiveLimits DEFAULT = new ArchiveLimits(100, 1L << 20, 8L << 30, 4);

  public ArchiveLimits {
    if (maxRatio < 1 || ratioGraceBytes < 0 || maxTotalBytes < 0 || maxDepth < 1) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }
}
