package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mapiscope.model.EvidenceRef;

/**
 * The client table keeps and folds the clients the map it replaced kept and folded: an
 * access-ordered {@link RecentMap} whose least recently used client without open sessions is folded
 * beyond the cap.
 */
class ClientTableTest {

  private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");
  private static final EvidenceRef REF = EvidenceRef.line("rca.log", 1);

  private static ClientKey client(int i) {
    return new ClientKey("10.0.0." + i, i % 2 == 0 ? "OUTLOOK.EXE" : "MSExchangeRPC", "Cached");
  }

  @Test
  void keepsAndFoldsAsTheMapDid() {
    // Each step: 0-7 connect a client (a session opens), 8-15 touch one (activity), 16-23 close a
    // session of one; against caps of 1 to 6, so pinned clients push the table past its cap too.
    qt().withExamples(1000)
        .forAll(
            lists().of(integers().between(0, 23)).ofSizeBetween(0, 120), integers().between(1, 6))
        .checkAssert(
            (steps, cap) -> {
              List<ClientKey> foldedByTable = new ArrayList<>();
              List<ClientKey> foldedByMap = new ArrayList<>();
              ClientTable table = new ClientTable(cap, (k, s) -> foldedByTable.add(k));
              // Each value: the client's open sessions.
              Map<ClientKey, int[]> map =
                  new RecentMap<>(cap, open -> open[0] > 0, (k, open) -> foldedByMap.add(k));
              for (int step : steps) {
                ClientKey c = client(step % 8);
                switch (step / 8) {
                  case 0 -> {
                    table.connected(table.getOrAdd(c), AT, REF);
                    map.computeIfAbsent(c, k -> new int[1])[0]++;
                  }
                  case 1 -> {
                    assertThat(table.get(c) < 0).isEqualTo(map.get(c) == null);
                  }
                  default -> {
                    int row = table.get(c);
                    int[] open = map.get(c);
                    if (row >= 0 && table.openNow(row) > 0) {
                      table.closed(row, true);
                      open[0]--;
                    }
                  }
                }
                assertThat(new TreeSet<>(table.sorted().keySet()))
                    .isEqualTo(new TreeSet<>(map.keySet()));
                assertThat(foldedByTable).isEqualTo(foldedByMap);
              }
            });
  }

  /** The counters as they were kept per client before the table held them in rows. */
  private static final class Counters {
    int sessions;
    int activeNow;
    int peakActive;
    int openNow;
    Instant peakAt;
    EvidenceRef peakRef;

    ClientTable.ClientStats stats() {
      return new ClientTable.ClientStats(sessions, peakActive, peakAt, peakRef);
    }
  }

  @Test
  void countsAsTheCounterObjectsDid() {
    // Each step: 0-5 connect, 6-11 supersede an active session, 12-17 reactivate a superseded one,
    // 18-23 close one; the row of a client moves when another is folded, its counters with it.
    qt().withExamples(1000)
        .forAll(
            lists().of(integers().between(0, 23)).ofSizeBetween(0, 150), integers().between(1, 7))
        .checkAssert(
            (steps, cap) -> {
              List<ClientTable.ClientStats> foldedByTable = new ArrayList<>();
              List<ClientTable.ClientStats> foldedByMap = new ArrayList<>();
              ClientTable table = new ClientTable(cap, (k, s) -> foldedByTable.add(s));
              Map<ClientKey, Counters> map =
                  new RecentMap<>(cap, m -> m.openNow > 0, (k, m) -> foldedByMap.add(m.stats()));
              // Per client: its open sessions, true while active.
              Map<ClientKey, List<Boolean>> sessions = new java.util.HashMap<>();
              for (int i = 0; i < steps.size(); i++) {
                int step = steps.get(i);
                ClientKey c = client(step % 6);
                Instant at = AT.plusMillis(1_234L * i).plusNanos(step * 1_000L);
                EvidenceRef ref =
                    i % 3 == 0 ? EvidenceRef.record("app.evtx", i) : EvidenceRef.line("rca.log", i);
                List<Boolean> open = sessions.computeIfAbsent(c, k -> new ArrayList<>());
                switch (step / 6) {
                  case 0 -> {
                    table.connected(table.getOrAdd(c), at, ref);
                    Counters m = map.computeIfAbsent(c, k -> new Counters());
                    m.sessions++;
                    m.activeNow++;
                    m.openNow++;
                    if (m.activeNow > m.peakActive) {
                      m.peakActive = m.activeNow;
                      m.peakAt = at;
                      m.peakRef = ref;
                    }
                    open.add(true);
                  }
                  case 1 -> {
                    int s = open.indexOf(true);
                    if (s >= 0) {
                      open.set(s, false);
                      table.deactivated(table.get(c));
                      map.get(c).activeNow--;
                    }
                  }
                  case 2 -> {
                    int s = open.indexOf(false);
                    if (s >= 0) {
                      open.set(s, true);
                      table.reactivated(table.get(c));
                      Counters m = map.get(c);
                      m.activeNow++;
                      m.peakActive = Math.max(m.peakActive, m.activeNow);
                    }
                  }
                  default -> {
                    if (!open.isEmpty()) {
                      boolean active = open.remove(open.size() - 1);
                      table.closed(table.get(c), active);
                      Counters m = map.get(c);
                      m.openNow--;
                      if (active) {
                        m.activeNow--;
                      }
                    }
                  }
                }
                Map<ClientKey, ClientTable.ClientStats> expected = new java.util.TreeMap<>();
                map.forEach((k, m) -> expected.put(k, m.stats()));
                assertThat(table.sorted()).isEqualTo(expected);
                assertThat(foldedByTable).isEqualTo(foldedByMap);
                // The strongest: the most active at once, the first in key order among equals.
                ClientKey strongest = null;
                for (Map.Entry<ClientKey, ClientTable.ClientStats> e : expected.entrySet()) {
                  if (strongest == null
                      || e.getValue().peakActive() > expected.get(strongest).peakActive()) {
                    strongest = e.getKey();
                  }
                }
                assertThat(table.strongest()).isEqualTo(strongest);
                Map<ClientKey, Integer> sessionsByClient = new java.util.TreeMap<>();
                table.forEachSessions(sessionsByClient::put);
                Map<ClientKey, Integer> expectedSessions = new java.util.TreeMap<>();
                expected.forEach((k, v) -> expectedSessions.put(k, v.sessions()));
                assertThat(sessionsByClient).isEqualTo(expectedSessions);
              }
            });
  }
}
