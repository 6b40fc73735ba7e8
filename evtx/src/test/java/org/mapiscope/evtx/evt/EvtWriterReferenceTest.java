package org.mapiscope.evtx.evt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapiscope.evtx.DataItem;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.conformance.ReferenceTool;
import org.mapiscope.evtx.testkit.EvtTestWriter;
import org.mapiscope.evtx.testkit.EvtTestWriter.Layout;
import org.mapiscope.evtx.testkit.SampleEvents;
import org.mapiscope.evtx.testkit.TestEvent;

/**
 * libevt's {@code evtexport} reads the {@code .evt} files the test writer makes — compact, wrapped
 * with leftovers, and dirty — and our reader agrees with it record for record.
 */
class EvtWriterReferenceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"compact", "wrapped", "dirty"})
  void evtexportAndOurReaderAgree(String shape) throws Exception {
    assumeTrue(
        ReferenceTool.onPath("evtexport"), "evtexport is not installed (Debian: libevt-utils)");
    // evtexport 20200926 stops at a record with a user SID but no strings and no data
    // (docs/evtx-conformance.md); that shape is covered by EvtParserTest alone
    List<TestEvent> events =
        SampleEvents.applicationLog(5000, 40).stream()
            .filter(e -> e.userSid() == null || !e.strings().isEmpty() || e.binary() != null)
            .toList();
    int need = events.stream().mapToInt(e -> EvtTestWriter.record(e).length).sum();
    int size = 0x30 + need + 0x28 + 2048;
    Layout layout =
        switch (shape) {
          case "compact" -> Layout.compact();
          case "wrapped" -> new Layout(size, size - 1500, false, true);
          default -> new Layout(size, size - 3000, true, true);
        };
    Path file = dir.resolve(shape + ".evt");
    Files.write(file, EvtTestWriter.bytes(events, layout));

    List<EvtExportText.Event> reference = EvtExportText.run(file);
    ReadAll ours = ReadAll.of(file);

    assertThat(events).hasSizeGreaterThan(30);
    assertThat(reference)
        .extracting(EvtExportText.Event::number)
        .containsExactlyElementsOf(events.stream().map(TestEvent::recordId).toList());
    assertThat(ours.damage()).isEmpty();
    assertThat(ours.records()).hasSameSizeAs(reference);
    for (int i = 0; i < reference.size(); i++) {
      EvtExportText.Event ref = reference.get(i);
      EventRecord r = ours.records().get(i);
      assertThat(r.recordId()).isEqualTo(ref.number());
      assertThat(r.provider()).isEqualTo(ref.source());
      assertThat(r.computer()).isEqualTo(ref.computer());
      assertThat(((long) r.qualifiers() << 16) | r.eventId()).isEqualTo(ref.eventIdentifier());
      assertThat(r.level()).isEqualTo(EvtRecordDecoder.level(ref.eventType()));
      assertThat(r.task()).isEqualTo(ref.category());
      assertThat(r.userSid()).isEqualTo(ref.userSid());
      assertThat(r.data().stream().filter(d -> d.name() == null).map(DataItem::value).toList())
          .isEqualTo(ref.strings());
    }
  }
}
