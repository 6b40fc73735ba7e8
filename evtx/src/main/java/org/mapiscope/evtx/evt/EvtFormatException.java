package org.mapiscope.evtx.evt;

import java.io.IOException;

/**
 * The input is not a legacy event log: its first 48 bytes are no {@code ELF_LOGFILE_HEADER}. Damage
 * further in a file that does start like an event log is reported to the {@link
 * org.mapiscope.evtx.DamageListener} instead.
 */
public final class EvtFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public EvtFormatException(String message) {
    super(message);
  }
}
