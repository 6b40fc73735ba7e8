package org.mapiscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Counts and point statuses equal those of the sorted map and list the statuses were kept in. */
class FailureStatusesTest {

  @Test
  void countsAsTheMapAndListDid() {
    qt().withExamples(500)
        .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 300))
        .checkAssert(
            failures -> {
              FailureStatuses statuses = new FailureStatuses();
              Map<String, Long> map = new TreeMap<>();
              List<String> pointStatus = new ArrayList<>();
              for (int f : failures) {
                String status = f + " (rpc::Status" + f + ")";
                int index = statuses.count(status);
                if (map.containsKey(status) || map.size() < Thresholds.MAX_FAILURE_KINDS) {
                  map.merge(status, 1L, Long::sum);
                }
                statuses.point(index);
                pointStatus.add(map.containsKey(status) ? status : null);
              }
              assertThat(statuses.counts()).isEqualTo(map);
              for (int i = 0; i < pointStatus.size(); i++) {
                assertThat(statuses.pointStatus(i)).isEqualTo(pointStatus.get(i));
              }
            });
  }
}
