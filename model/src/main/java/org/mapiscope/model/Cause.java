package org.mapiscope.model;

/**
 * Why users hit Event 9646: what the analysis diagnoses and what a simulated scenario injects, so
 * the two can be checked against each other. The names are the JSON cause codes of docs/contract.md
 * and never change.
 */
public enum Cause {
  DEAD_CLIENT_SESSIONS,
  SESSION_HUNGRY_CLIENT,
  MIDDLEBOX_HOLDING,
  SERVICE_ACCOUNT_NEED,
  OBJECT_LEAK,
  LIMIT_BELOW_NEED,
  KEEPALIVE_TOO_LONG
}
