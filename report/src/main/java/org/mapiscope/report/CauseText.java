package org.mapiscope.report;

import org.mapiscope.model.Cause;

/** Cause codes in words a manager reads (docs/domain.md table). */
public final class CauseText {

  private CauseText() {}

  public static String plain(Cause c) {
    return switch (c) {
      case DEAD_CLIENT_SESSIONS ->
          "Clients vanished without closing; the server kept their sessions";
      case SESSION_HUNGRY_CLIENT -> "One client program opens many sessions at once";
      case MIDDLEBOX_HOLDING -> "A WAN accelerator or proxy keeps dead sessions alive";
      case SERVICE_ACCOUNT_NEED -> "A service account legitimately needs many sessions";
      case OBJECT_LEAK -> "An application leaks MAPI objects inside its sessions";
      case LIMIT_BELOW_NEED -> "Legitimate concurrent use is above the limit";
      case KEEPALIVE_TOO_LONG ->
          "KeepAliveTime is absent or too long, so dead sessions live for hours";
    };
  }
}
