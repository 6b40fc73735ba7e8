package org.mapiscope.ingest.rca;

import java.nio.charset.Charset;
import org.mapiscope.model.UserKeys;

/**
 * The {@link FieldCache}s of one RCA reading thread, one per column a row needs, for files in one
 * charset. A server's users arrive interleaved, so the caches of values that vary by user or
 * session may grow to {@value #MOST} slots; a DN or a logon's text is 100-200 bytes, so about 12 MB
 * per reading thread when a server has tens of thousands of users. Whatever the input, each cache
 * holds at most {@link FieldCache#MAX_HELD_BYTES} of field text, and no field longer than {@link
 * FieldCache#MAX_KEY_BYTES}.
 */
final class FieldCaches {

  private static final int MANY = 1024;
  private static final int MOST = 1 << 15;

  /** Operations, client programs and modes: few distinct values. */
  private static final int FEW = 128;

  private static final String[] NO_IDENTITY = new String[2];

  private final Charset charset;

  /** Each session's id is seen on that session's rows only: a small cache serves them. */
  final FieldCache<String> sessionIds = new FieldCache<>(MANY, 4 * MANY, s -> s);

  final FieldCache<String> operations = new FieldCache<>(FEW, MOST, s -> s);

  /** [user key, DN as logged]. */
  final FieldCache<String[]> identities = new FieldCache<>(MANY, MOST, FieldCaches::identityOf);

  /** Logon rows' operation-specific text to the mailbox's user key, or null. */
  final FieldCache<String> mailboxes = new FieldCache<>(MANY, MOST, RcaReader::mailbox);

  /** Client addresses without their port. */
  final FieldCache<String> addresses = new FieldCache<>(MANY, MOST, RcaReader::emptyToNull);

  final FieldCache<String> softwares = new FieldCache<>(FEW, MOST, RcaReader::emptyToNull);
  final FieldCache<String> versions = new FieldCache<>(FEW, MOST, RcaReader::emptyToNull);
  final FieldCache<String> modes = new FieldCache<>(FEW, MOST, RcaReader::emptyToNull);

  FieldCaches(Charset charset) {
    this.charset = charset;
  }

  Charset charset() {
    return charset;
  }

  private static String[] identityOf(String clientName) {
    if (clientName.isBlank()) {
      return NO_IDENTITY;
    }
    return new String[] {
      RcaReader.emptyToNull(UserKeys.fromIdentity(clientName)), UserKeys.dnOf(clientName)
    };
  }
}
