package org.mapiscope.ingest.rca;

/**
 * The words by which a failed RCA {@code Connect} says the user's session or connection limit
 * refused it. Only such a failure is a refusal (docs/domain.md): {@code 1010 (rpc::LoginPerm)},
 * {@code LoginFailure}, {@code 0x6BA (rpc::Exception)}, authentication and network errors are
 * failures that say nothing about the limit. Matching ignores case; a token may sit in rpc-status,
 * failures or operation-specific. Add a token only with a source for the wording.
 */
final class LimitTokens {

  /** Lower-case; each is a substring to look for. */
  private static final String[] TOKENS = {
    // MapiExceptionSessionLimit / ecSessionLimit (ec=1246): the store's per-user session cap, the
    // 9646 "session" limit.
    "sessionlimit",
    // The same cap in prose (exception messages, operation-specific text).
    "session limit",
    // MapiExceptionMaxObjsExceeded / ecMaxObjsExceeded: a per-session object cap (the other 9646
    // object types).
    "maxobjsexceeded",
    // Exception names for too many open sessions of one user.
    "toomanysessions",
    // The same in prose.
    "too many sessions",
    // RCA throttling (Exchange 2010+ RCAMaxConcurrency) logs "Connection Limit Exceeded"
    // (decompiled ProtocolLog).
    "connection limit",
    // RCAMaxConcurrency, the throttling-policy parameter that caps a user's RCA connections, named
    // in budget text.
    "maxconcurrency",
    // The 9646 wording itself: "... exceeded the maximum of 32 objects of type "session"".
    "exceeded the maximum",
    // TooManyObjectsOpenedException: Exchange 2010's refusal of sessions over the limit (KB980049).
    "toomanyobjectsopened",
  };

  private LimitTokens() {}

  /**
   * Whether {@code text} names the session or connection limit. Allocation-free: it runs on every
   * failed connect.
   */
  static boolean namesLimit(String text) {
    int n = text.length();
    for (String token : TOKENS) {
      int m = token.length();
      char first = token.charAt(0);
      for (int i = 0; i + m <= n; i++) {
        char c = text.charAt(i);
        if ((c == first || Character.toLowerCase(c) == first)
            && text.regionMatches(true, i, token, 0, m)) {
          return true;
        }
      }
    }
    return false;
  }
}
