package org.mapiscope.evtx.conformance;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mapiscope.evtx.EventRecord;
import org.mapiscope.evtx.EvtxJson;
import org.mapiscope.evtx.EvtxParser;
import org.mapiscope.evtx.evt.EvtFormatException;
import org.mapiscope.evtx.evt.EvtParser;

/**
 * Any bytes in, all records out: the readers may report damage and, for input that is no event log
 * at all, throw their documented exception, but never anything else, never hang, never run out of
 * memory. As a plain test this runs the seed corpus in {@code
 * src/test/resources/org/mapiscope/evtx/conformance/ReaderFuzzTestInputs}; with {@code
 * JAZZER_FUZZ=1} it fuzzes (docs/evtx-conformance.md).
 */
class ReaderFuzzTest {

  private static final Duration PER_INPUT = Duration.ofSeconds(10);

  @FuzzTest(maxDuration = "10m")
  void evtReaderReadsAnything(byte[] input) {
    assertTimeoutPreemptively(
        PER_INPUT,
        () -> {
          try (EvtParser reader =
              EvtParser.open(
                  new BytesChannel(input), null, (offset, message) -> checkOffset(offset, input))) {
            for (EventRecord r; (r = reader.next()) != null; ) {
              checkOffset(r.fileOffset(), input);
            }
          } catch (EvtFormatException expected) {
            // not a legacy event log: documented
          }
        });
  }

  /**
   * Also: the JSON lines written straight from the chunks are the records' JSON lines, with the
   * same damage.
   */
  @FuzzTest(maxDuration = "10m")
  void evtxReaderReadsAnything(byte[] input) {
    assertTimeoutPreemptively(
        PER_INPUT,
        () -> {
          List<String> recordDamage = new ArrayList<>();
          List<String> lineDamage = new ArrayList<>();
          ByteArrayOutputStream expected = new ByteArrayOutputStream();
          ByteArrayOutputStream lines = new ByteArrayOutputStream();
          try (EvtxParser reader =
              EvtxParser.of(
                  ByteBuffer.wrap(input),
                  (offset, message) -> {
                    checkOffset(offset, input);
                    recordDamage.add(offset + ": " + message);
                  })) {
            for (EventRecord r : reader) {
              checkOffset(r.fileOffset(), input);
              EvtxJson.writeLine(r, expected);
            }
          } catch (UncheckedIOException | IOException e) {
            throw new AssertionError("no I/O can fail on a byte buffer", e);
          }
          try (EvtxParser reader =
              EvtxParser.of(
                  ByteBuffer.wrap(input),
                  (offset, message) -> lineDamage.add(offset + ": " + message))) {
            reader.writeJsonLines(lines, null, null);
          } catch (UncheckedIOException | IOException e) {
            throw new AssertionError("no I/O can fail on a byte buffer", e);
          }
          if (!Arrays.equals(lines.toByteArray(), expected.toByteArray())
              || !lineDamage.equals(recordDamage)) {
            throw new AssertionError(
                "JSON lines differ from the records' JSON:\n"
                    + lines.toString(StandardCharsets.UTF_8)
                    + "\n--- records ---\n"
                    + expected.toString(StandardCharsets.UTF_8)
                    + "\n--- damage ---\n"
                    + lineDamage
                    + "\n"
                    + recordDamage);
          }
        });
  }

  /** Damage and records are placed inside the input. */
  private static void checkOffset(long offset, byte[] input) {
    if (offset < 0 || offset > input.length) {
      throw new AssertionError(
          "offset " + offset + " outside an input of " + input.length + " bytes");
    }
  }
}
