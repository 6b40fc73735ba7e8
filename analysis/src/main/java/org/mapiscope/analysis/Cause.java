package org.mapiscope.analysis;

/** Why users hit Event 9646. The names are the JSON codes of DESIGN §1 and never change. */
public enum Cause {
  DEAD_CLIENT_SESSIONS,
  SESSION_HUNGRY_CLIENT,
  MIDDLEBOX_HOLDING,
  SERVICE_ACCOUNT_NEED,
  OBJECT_LEAK,
  LIMIT_BELOW_NEED,
  KEEPALIVE_TOO_LONG
}
