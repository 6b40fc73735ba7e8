package org.mapiscope.evtx.conformance;

import java.util.Set;

/**
 * Which reference reader a sample file's records are checked against (docs/evtx-conformance.md).
 */
enum Verdict {
  /** Both references read the same records; ours must equal them. */
  BOTH_AGREE(ReferenceTool.EVTXEXPORT),
  /** The references differ; libevtx's evtxexport is right. */
  EVTXEXPORT_RIGHT(ReferenceTool.EVTXEXPORT),
  /** The references differ; python-evtx is right. */
  PYTHON_RIGHT(ReferenceTool.PYTHON_EVTX),
  /** Neither reference reads the file; its records are checked by hand. */
  NEITHER_READS(null);

  final ReferenceTool truth;

  Verdict(ReferenceTool truth) {
    this.truth = truth;
  }

  /**
   * Files where the EVTX reader still differs from the right reference (docs/evtx-conformance.md,
   * "Open differences"). Their test is reported as aborted with the differences, not passed; remove
   * a file from here once the reader is fixed.
   */
  static boolean openDifferences(String fileName) {
    return OPEN_DIFFERENCES.contains(fileName);
  }

  /** None at the moment. */
  private static final Set<String> OPEN_DIFFERENCES = Set.of();

  static Verdict of(String fileName) {
    return switch (fileName) {
      case "MSExchange_Management_wec.evtx" -> NEITHER_READS;
      case "dns_log_malformed.evtx" -> EVTXEXPORT_RIGHT;
      case "sample_with_a_bad_chunk_magic.evtx" -> PYTHON_RIGHT;
      default -> BOTH_AGREE;
    };
  }
}
