package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;

/**
 * The text of an {@link Example} a track keeps, as its parts, put together when it is shown. Tracks
 * hold their examples for the whole run and most are never shown; the parts are shared with the
 * track's other state (clients, sessions, cached log fields), the text would not be.
 */
sealed interface ExampleText extends Serializable {

  String render();

  /** A logon to another mailbox than the user's own (delegate access, shared mailboxes). */
  record OtherMailboxLogon(String mailbox, ClientKey client) implements ExampleText {
    @Override
    public String render() {
      return "logon to another mailbox"
          + (mailbox == null ? "" : " (" + mailbox + ")")
          + " from "
          + client.describe();
    }
  }

  /** A connect refused by the session limit while the server held {@code held} sessions. */
  record RefusedConnect(ClientKey client, String status, int held) implements ExampleText {
    @Override
    public String render() {
      return "connect from "
          + client.describe()
          + " refused by the session limit"
          + (status == null ? "" : " (" + status + ")")
          + " while the server held "
          + SummaryWording.count(held, "session", "sessions")
          + " for the user";
    }
  }

  /** A connect that failed for another reason than the limit. */
  record FailedConnect(ClientKey client, String status) implements ExampleText {
    @Override
    public String render() {
      return "connect from " + client.describe() + " failed: " + status;
    }
  }

  /** A session whose client moved on, ended long after the user connected from elsewhere. */
  record ReapedSession(
      String session, ClientKey client, long afterMoveMs, String supersededBy, long idleMs)
      implements ExampleText {
    @Override
    public String render() {
      return "session "
          + session
          + " from "
          + client.describe()
          + " ended "
          + SummaryWording.duration(afterMoveMs)
          + " after the user connected from "
          + supersededBy
          + ", idle "
          + SummaryWording.duration(idleMs);
    }
  }

  /** A session the server ran down (NetworkRundown) after {@code idleMs} without activity. */
  record RunDownSession(String session, ClientKey client, long idleMs) implements ExampleText {
    @Override
    public String render() {
      return "session "
          + session
          + " from "
          + client.describe()
          + " run down by the server (NetworkRundown) after "
          + SummaryWording.duration(idleMs)
          + " without activity";
    }
  }

  /** A connect from another address while an earlier client still held a session. */
  record MovedAway(ClientKey newClient, ClientKey client, String session) implements ExampleText {
    @Override
    public String render() {
      return "connect from "
          + newClient.describe()
          + " while "
          + client.describe()
          + " still held session "
          + session;
    }
  }

  /**
   * A new start of the program on the same machine while a session of the earlier one sat silent.
   */
  record NewStart(ClientKey client, String session, Instant silentSince) implements ExampleText {
    @Override
    public String render() {
      return client.describe()
          + " logged on again while session "
          + session
          + " from its earlier start was silent since "
          + SummaryWording.time(silentSince);
    }
  }
}
