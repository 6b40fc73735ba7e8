package org.mapiscope.evtx.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapiscope.evtx.DataItem;
import org.mapiscope.evtx.EventRecord;

/**
 * Every record of every real sample in {@code ../shared/samples/evtx}: record id, EventID,
 * provider, TimeCreated and data values must equal what the right reference reader prints (which
 * one is right, file by file, is in docs/evtx-conformance.md and {@link Verdict}).
 */
class SampleConformanceTest {

  static Stream<String> samples() throws IOException {
    Path dir = SampleFiles.evtxDir();
    if (dir == null) {
      return Stream.of("(no samples folder)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".evtx"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void recordsEqualTheRightReference(String name) throws Exception {
    Path dir = SampleFiles.evtxDir();
    assumeTrue(dir != null, "no ../shared/samples/evtx next to the repository");
    Path file = dir.resolve(name);
    Verdict verdict = Verdict.of(name);
    OurRead ours = OurRead.of(file);

    if (verdict == Verdict.NEITHER_READS) {
      checkByHand(ours);
      return;
    }
    ReferenceTool truth = verdict.truth;
    assumeTrue(
        truth.installed(),
        truth.command() + " is not installed (Debian: libevtx-utils / python3-evtx)");
    ReferenceTool.Output output = truth.run(file);
    List<RefEvent> reference = output.events();
    assertThat(reference).as("reference output for " + name).isNotEmpty();

    // Files merged from several machines repeat EventRecordIDs: the n-th reference event with an id
    // is matched with our n-th record with that id, both in file order.
    Map<Long, ArrayDeque<EventRecord>> byId =
        ours.records().stream()
            .collect(
                Collectors.groupingBy(
                    EventRecord::recordId, Collectors.toCollection(ArrayDeque::new)));
    List<String> differences = new ArrayList<>();
    for (RefEvent ref : reference) {
      ArrayDeque<EventRecord> same = byId.get(ref.recordId());
      EventRecord r = same == null ? null : same.poll();
      if (r == null) {
        differences.add("record " + ref.recordId() + " missing");
      } else {
        compare(ref, r, truth, differences);
      }
    }
    if (Verdict.openDifferences(name)) {
      assumeTrue(
          differences.isEmpty(),
          () ->
              "open differences in "
                  + name
                  + " ("
                  + differences.size()
                  + "), first: "
                  + differences.subList(0, Math.min(5, differences.size())));
      throw new AssertionError(name + " now conforms: remove it from Verdict.openDifferences");
    }
    assertThat(differences).as(name).isEmpty();
    if (verdict == Verdict.BOTH_AGREE) {
      // An event the reference printed as XML that cannot be read (a raw control character
      // in a value) still counts as one of its records.
      long unreadable =
          output.problems().stream().filter(p -> p.contains("not readable XML")).count();
      assertThat(ours.records().size())
          .as(name + ": no records beyond the references'")
          .isEqualTo(reference.size() + (int) unreadable);
    }
  }

  /** MSExchange_Management_wec.evtx: plain element trees no reference reads; see the docs. */
  private static void checkByHand(OurRead ours) {
    assertThat(ours.records()).isNotEmpty();
    assertThat(ours.records())
        .allSatisfy(
            r -> {
              assertThat(r.provider()).isNotBlank();
              assertThat(r.eventId()).isPositive();
              assertThat(r.qualifiers()).isNotNull();
              assertThat(r.timeCreated()).isNotNull();
              assertThat(r.data()).isNotEmpty();
            });
    List<Long> ids = ours.records().stream().map(EventRecord::recordId).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
  }

  private static void compare(RefEvent ref, EventRecord r, ReferenceTool tool, List<String> out) {
    String at = "record " + ref.recordId() + ": ";
    if (ref.eventId() != r.eventId()) {
      out.add(at + "EventID " + r.eventId() + " vs " + ref.eventId());
    }
    if (!ref.provider().equals(r.provider())) {
      out.add(at + "provider " + r.provider() + " vs " + ref.provider());
    }
    Duration off = Duration.between(ref.timeCreated(), r.timeCreated()).abs();
    if (off.compareTo(tool == ReferenceTool.EVTXEXPORT ? Duration.ZERO : Duration.ofNanos(5_000))
        > 0) {
      out.add(at + "TimeCreated " + r.timeCreated() + " vs " + ref.timeCreated());
    }
    List<DataItem> values =
        r.data().stream()
            .filter(d -> !(d.value() instanceof byte[] && "Binary".equals(d.name())))
            .toList();
    if (tool == ReferenceTool.EVTXEXPORT && values.size() != ref.data().size()) {
      // evtxexport leaves out elements whose substitution is NULL, but prints empty elements
      // (an empty UserData leaf), which we give as null too: try both.
      values = values.stream().filter(d -> d.value() != null).toList();
    }
    if (values.size() != ref.data().size()) {
      out.add(at + values.size() + " data values vs " + ref.data().size());
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String diff = ValueMatch.compare(values.get(i), ref.data().get(i), tool);
      if (diff != null) {
        out.add(at + "data " + i + ": " + diff);
      }
    }
    String binary =
        r.data().stream()
            .filter(d -> d.value() instanceof byte[] && "Binary".equals(d.name()))
            .map(d -> HexFormat.of().withUpperCase().formatHex((byte[]) d.value()))
            .findFirst()
            .orElse(null);
    if (ref.binaryHex() != null && !ref.binaryHex().equals(binary)) {
      out.add(at + "Binary " + binary + " vs " + ref.binaryHex());
    }
  }
}
