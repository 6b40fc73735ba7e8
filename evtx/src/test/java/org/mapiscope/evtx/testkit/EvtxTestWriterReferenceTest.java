package org.mapiscope.evtx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapiscope.evtx.conformance.RefEvent;
import org.mapiscope.evtx.conformance.ReferenceTool;

/**
 * Both public EVTX readers read every record the test writer writes, with the values it was given.
 */
class EvtxTestWriterReferenceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ReferenceTool.class)
  void referenceReadersReadEveryRecord(ReferenceTool tool) throws Exception {
    assumeTrue(
        tool.installed(),
        tool.command() + " is not installed (Debian: libevtx-utils / python3-evtx)");
    List<TestEvent> events = SampleEvents.applicationLog(126_268, 300); // several chunks
    Path file = dir.resolve("Application.evtx");
    EvtxTestWriter.write(file, events);
    assertThat(Files.size(file))
        .isGreaterThanOrEqualTo(
            4096 + 2 * 65536L); // templates and names defined again in the second chunk

    ReferenceTool.Output out = tool.run(file);

    assertThat(out.problems()).isEmpty();
    assertThat(out.exitCode()).isZero();
    assertThat(out.events()).hasSameSizeAs(events);
    for (int i = 0; i < events.size(); i++) {
      assertSame(events.get(i), out.events().get(i), tool);
    }
  }

  static void assertSame(TestEvent expected, RefEvent actual, ReferenceTool tool) {
    String where = tool + " record " + expected.recordId();
    assertThat(actual.recordId()).as(where).isEqualTo(expected.recordId());
    assertThat(actual.eventId()).as(where).isEqualTo(expected.eventId());
    assertThat(actual.qualifiers()).as(where).isEqualTo(expected.qualifiers());
    assertThat(actual.provider()).as(where).isEqualTo(expected.provider());
    assertThat(actual.level()).as(where).isEqualTo(expected.level());
    assertThat(actual.task()).as(where).isEqualTo(expected.task());
    assertThat(actual.channel()).as(where).isEqualTo(expected.channel());
    assertThat(actual.computer()).as(where).isEqualTo(expected.computer());
    assertThat(actual.userSid()).as(where).isEqualTo(expected.userSid());
    // python-evtx keeps microseconds only, going through a float that can be a few off
    Duration off = Duration.between(expected.timeCreated(), actual.timeCreated()).abs();
    assertThat(off)
        .as(where)
        .isLessThanOrEqualTo(
            tool == ReferenceTool.EVTXEXPORT ? Duration.ZERO : Duration.ofNanos(5_000));
    assertThat(actual.data())
        .as(where)
        .extracting(RefEvent.RefData::text)
        .containsExactlyElementsOf(expected.strings());
    assertThat(actual.data()).as(where).allSatisfy(d -> assertThat(d.name()).isNull());
    assertThat(actual.binaryHex())
        .as(where)
        .isEqualTo(
            expected.binary() == null
                ? null
                : HexFormat.of().withUpperCase().formatHex(expected.binary()));
  }
}
