package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The client table keeps and folds the clients the map it replaced kept and folded: an
 * access-ordered {@link RecentMap} whose least recently used client without open sessions is folded
 * beyond the cap.
 */
class ClientTableTest {

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
              Map<ClientKey, UserTrack.ClientStats> map =
                  new RecentMap<>(cap, s -> s.openNow > 0, (k, s) -> foldedByMap.add(k));
              for (int step : steps) {
                ClientKey c = client(step % 8);
                switch (step / 8) {
                  case 0 -> {
                    table.getOrAdd(c).openNow++;
                    map.computeIfAbsent(c, k -> new UserTrack.ClientStats()).openNow++;
                  }
                  case 1 -> {
                    assertThat(table.get(c) == null).isEqualTo(map.get(c) == null);
                  }
                  default -> {
                    UserTrack.ClientStats t = table.get(c);
                    UserTrack.ClientStats m = map.get(c);
                    if (t != null && t.openNow > 0) {
                      t.openNow--;
                      m.openNow--;
                    }
                  }
                }
                assertThat(new TreeSet<>(table.sorted().keySet()))
                    .isEqualTo(new TreeSet<>(map.keySet()));
                assertThat(foldedByTable).isEqualTo(foldedByMap);
              }
            });
  }
}
