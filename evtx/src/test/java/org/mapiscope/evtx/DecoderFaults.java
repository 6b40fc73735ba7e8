package org.mapiscope.evtx;

/**
 * Makes the EVTX decoder fail as a bug in it would, for tests of how such a failure is reported
 * (here and in the modules that use the decoder).
 */
public final class DecoderFaults {

  private DecoderFaults() {}

  /** An injected fault, removed on close. */
  public interface Injected extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * From now until close, decoding the record numbered {@code recordId} (in any file) throws an
   * {@link IllegalStateException}, as a bug would.
   */
  public static Injected failOnRecord(long recordId) {
    ChunkDecoder.beforeRecord =
        id -> {
          if (id == recordId) {
            throw new IllegalStateException("injected decoder bug");
          }
        };
    return () -> ChunkDecoder.beforeRecord = null;
  }
}
