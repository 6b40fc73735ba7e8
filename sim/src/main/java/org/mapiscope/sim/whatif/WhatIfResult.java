package org.mapiscope.sim.whatif;

import java.util.List;

/**
 * The replay's outcome; serialises to docs/simulator.md {@code whatif --json}, extended.
 *
 * @param byUser users with sessions, attempts or observed 9646; most observed first, then by key
 * @param minimalLimit the smallest session limit with no 9646 under the new keepalive
 */
public record WhatIfResult(
    WhatIfSettings settings, WhatIfTotal total, List<UserWhatIf> byUser, int minimalLimit) {

  public WhatIfResult {
    byUser = List.copyOf(byUser);
  }
}
