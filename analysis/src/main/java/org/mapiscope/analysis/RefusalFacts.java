package org.mapiscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's refusals joined to what the servers held, and the connects that failed for other
 * reasons. One part of {@link UserFacts}, filled as the user's tracks are added.
 */
final class RefusalFacts {

  /** RCA rows of connects refused by the limit. */
  long rejected;

  /** The refusals (RCA rows and 9646) joined to the sessions held then, per server. */
  final List<RefusalJoin> joins = new ArrayList<>();

  /**
   * The refusal with the largest legitimate demand across servers, and its server; {@code null}
   * without refusals.
   */
  RefusalJoin.AtRefusal worst;

  String worstServer;

  /** Distinct unmet sessions (refused attempt streams, retries collapsed) across servers. */
  int refusedAttempts;

  /**
   * Connects that failed for other reasons (permission, authentication, network), and by status.
   */
  long otherFailures;

  final Map<String, Long> otherFailureStatus = new TreeMap<>();
  final ExampleSample rejectedExamples = new ExampleSample();
  final ExampleSample failureExamples = new ExampleSample();
}
