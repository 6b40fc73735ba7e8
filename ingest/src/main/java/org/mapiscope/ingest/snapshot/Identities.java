package org.mapiscope.ingest.snapshot;

import org.mapiscope.model.UserKeys;

/** User keys from the identity columns of a snapshot, the most specific first. */
final class Identities {

  private Identities() {}

  /** The key of the first non-blank identity; blank when all are blank. */
  static String key(String... identities) {
    for (String id : identities) {
      if (id != null && !id.isBlank()) {
        return UserKeys.fromIdentity(id);
      }
    }
    return "";
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A mailbox key, or null. */
  static String mailbox(String dn) {
    String key = key(dn);
    return key.isEmpty() ? null : key;
  }
}
