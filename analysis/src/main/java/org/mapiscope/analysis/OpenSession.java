package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import org.mapiscope.model.EvidenceRef;

/** A session the server holds right now, while its server's RCA stream is being read. */
final class OpenSession implements Serializable {
  private static final long serialVersionUID = 1L;

  final String id;
  final String user;
  final Instant start;
  final ClientKey client;
  final EvidenceRef connectRef;
  Instant lastActivity;
  boolean logonSeen;

  /** Logged on to a mailbox other than its owner's (DelegateLogon). */
  boolean delegate;

  /** When the user demonstrably moved on (a newer connect elsewhere), or {@code null}. */
  Instant supersededAt;

  String supersededBy;

  /** Superseded by a connect from another address (not by a restart on the same machine). */
  boolean movedAway;

  OpenSession(String id, String user, Instant start, ClientKey client, EvidenceRef connectRef) {
    this.id = id;
    this.user = user;
    this.start = start;
    this.client = client;
    this.connectRef = connectRef;
    this.lastActivity = start;
  }

  boolean superseded() {
    return supersededAt != null;
  }
}
