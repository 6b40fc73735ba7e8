package org.mapiscope.analysis;

import java.io.Serializable;

/**
 * The text of a frequent kind of {@link Example}, kept as its parts and put together when it is
 * shown. Tracks hold their examples for the whole run and most are never shown; the parts are
 * shared with the track's other state (clients, cached log fields), the text would not be.
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
}
