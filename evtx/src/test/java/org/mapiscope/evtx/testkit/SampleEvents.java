package org.mapiscope.evtx.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic Application log around 9646s: a user's sessions hitting the limit, object-type
 * variants and the store's information events in between, with sub-second times.
 */
public final class SampleEvents {

  private static final Instant START = Instant.parse("2009-06-12T09:14:03.1234567Z");
  private static final String ORG = "/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=";

  private SampleEvents() {}

  /** {@code count} events with record ids from {@code firstId}. */
  public static List<TestEvent> applicationLog(long firstId, int count) {
    List<TestEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = firstId + i;
      Instant t = START.plusMillis(1_337L * i).plusNanos(100L * i);
      events.add(
          switch (i % 6) {
            case 0 ->
                TestEvent.information(
                    id,
                    t,
                    "EXCH01.contoso.com",
                    "MSExchangeIS Mailbox Store",
                    1221,
                    TestEvent.MSEXCHANGEIS_INFO_QUALIFIERS,
                    6,
                    List.of("First Storage Group\\Mailbox Store (EXCH01)", "12"));
            case 1 ->
                TestEvent.mapiLimit9646(id, t, "EXCH01.contoso.com", ORG + "jdoe", 32, "session");
            case 2 ->
                TestEvent.mapiLimit9646(
                    id,
                    t,
                    "EXCH01.contoso.com",
                    "ccce3fe1-0bdb-4c25-baf9-d3ea6bb9af99: " + ORG + "Jürgen.Groß",
                    500,
                    "objtFolder");
            case 3 ->
                TestEvent.mapiLimit9646(
                        id, t, "EXCH01.contoso.com", ORG + "besadmin", 16, "session")
                    .withUserSid("S-1-5-21-1004336348-1177238915-682003330-1" + i);
            case 4 ->
                new TestEvent(
                    id,
                    t,
                    "MSExchangeIS",
                    9523,
                    null,
                    3,
                    6,
                    TestEvent.CLASSIC,
                    "Application",
                    "EXCH01.contoso.com",
                    "S-1-5-18",
                    List.of(),
                    null);
            default ->
                TestEvent.information(
                    id,
                    t,
                    "EXCH01.contoso.com",
                    "ESE",
                    701,
                    0,
                    1,
                    List.of("store.exe", "1720", "", "First Storage Group: "));
          });
    }
    return events;
  }
}
