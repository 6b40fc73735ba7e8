package org.mapiscope.analysis;

import org.mapiscope.model.Connection;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.LimitEvent;
import org.mapiscope.model.LogonSnapshot;
import org.mapiscope.model.ServiceRestart;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;

/** Copies evidence with another reference (fixtures number lines once the file order is known). */
final class Renumber {

  private Renumber() {}

  static Evidence withRef(Evidence e, EvidenceRef ref) {
    if (e instanceof SessionEvent s) {
      return new SessionEvent(
          s.time(),
          s.server(),
          s.sessionId(),
          s.user(),
          s.dn(),
          s.kind(),
          s.operation(),
          s.clientIp(),
          s.clientSoftware(),
          s.clientVersion(),
          s.clientMode(),
          s.mailbox(),
          ref,
          s.status());
    }
    if (e instanceof LimitEvent l) {
      return new LimitEvent(
          l.time(),
          l.server(),
          l.user(),
          l.dn(),
          l.sessionGuid(),
          l.clientType(),
          l.objectType(),
          l.limit(),
          ref,
          l.recordId());
    }
    if (e instanceof ServiceRestart r) {
      return new ServiceRestart(r.time(), r.server(), ref);
    }
    if (e instanceof LogonSnapshot l) {
      return new LogonSnapshot(
          l.time(),
          l.server(),
          l.user(),
          l.dn(),
          l.logonTime(),
          l.lastAccess(),
          l.clientIp(),
          l.clientName(),
          l.clientVersion(),
          l.clientMode(),
          l.mailbox(),
          l.timeSource(),
          ref);
    }
    if (e instanceof Setting s) {
      return new Setting(s.server(), s.name(), s.value(), ref);
    }
    Connection c = (Connection) e;
    return new Connection(
        c.time(),
        c.server(),
        c.localAddress(),
        c.localPort(),
        c.remoteIp(),
        c.remotePort(),
        c.state(),
        c.pid(),
        ref);
  }
}
